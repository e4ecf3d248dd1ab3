import { Inject, Injectable } from '@nestjs/common';
import { createLocalJWKSet, importJWK, type JSONWebKeySet } from 'jose';
import type { AuthServerConfig } from '@oauth/config';
import type { AccessTokenSigningKey, SigningAlgorithm } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { decryptPrivateJwk } from './key-encryption';
import { KEY_ENCRYPTION_KEY } from './key-encryption-key.provider';
import { retiredKeyHorizonSeconds } from './key-timing';
import type { SigningKeyEntity } from './signing-key.entity';
import { SigningKeyRepository } from './signing-key.repository';

/** A key that signs from `activatesAt` (ms since the epoch) on. */
interface ScheduledSigner {
  activatesAt: number;
  key: AccessTokenSigningKey;
}

/**
 * The key that signs access tokens and the public keys verifiers fetch, held imported in memory:
 * no key parsing or database read per token. `reload()` (run at boot and every KEY_REFRESH_INTERVAL)
 * picks up keys that other instances created, promoted or revoked.
 */
@Injectable()
export class SigningKeyService {
  private signers: ScheduledSigner[] = [];
  private readonly imported = new Map<string, AccessTokenSigningKey>();
  private jwks: JSONWebKeySet = { keys: [] };
  private verificationKeys = createLocalJWKSet(this.jwks);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    @Inject(KEY_ENCRYPTION_KEY) private readonly keyEncryptionKey: Uint8Array,
    private readonly keys: SigningKeyRepository,
  ) {}

  async reload(): Promise<void> {
    const retiredSince = new Date(Date.now() - retiredKeyHorizonSeconds(this.config) * 1000);
    const published = await this.keys.findPublished(retiredSince);
    const signing = published.filter((key) => key.status === 'active' || key.status === 'next');
    this.signers = await Promise.all(
      signing.map(async (key) => ({ activatesAt: key.activatesAt.getTime(), key: await this.importKey(key) })),
    );
    for (const kid of this.imported.keys()) {
      if (!signing.some((key) => key.kid === kid)) this.imported.delete(kid);
    }
    this.jwks = { keys: published.map((key) => key.publicJwk) };
    this.verificationKeys = createLocalJWKSet(this.jwks);
  }

  /**
   * The key with the latest activation time that has come: every instance switches to a scheduled
   * next key at the same moment, whichever of them records the promotion.
   */
  currentSigningKey(now = Date.now()): AccessTokenSigningKey {
    let current: ScheduledSigner | undefined;
    for (const signer of this.signers) {
      if (signer.activatesAt <= now && (!current || signer.activatesAt > current.activatesAt)) current = signer;
    }
    if (!current) throw new Error('No signing key loaded yet');
    return current.key;
  }

  publishedKeys(): JSONWebKeySet {
    return this.jwks;
  }

  /** The published keys as a jose key resolver, for verifying tokens this server issued. */
  verificationKeySet(): ReturnType<typeof createLocalJWKSet> {
    return this.verificationKeys;
  }

  private async importKey(key: SigningKeyEntity): Promise<AccessTokenSigningKey> {
    const known = this.imported.get(key.kid);
    if (known) return known;
    const privateJwk = await decryptPrivateJwk(key.encryptedPrivateJwk, this.keyEncryptionKey);
    const imported: AccessTokenSigningKey = {
      kid: key.kid,
      alg: key.alg as SigningAlgorithm,
      key: (await importJWK(privateJwk, key.alg)) as AccessTokenSigningKey['key'],
    };
    this.imported.set(key.kid, imported);
    return imported;
  }
}
