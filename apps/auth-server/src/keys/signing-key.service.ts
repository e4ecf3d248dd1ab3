import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { createLocalJWKSet, importJWK, type JSONWebKeySet } from 'jose';
import type { AuthServerConfig } from '@oauth/config';
import type { AccessTokenSigningKey, SigningAlgorithm } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { decryptPrivateJwk, encryptPrivateJwk } from './key-encryption';
import { KEY_ENCRYPTION_KEY } from './key-encryption-key.provider';
import { generateSigningKey } from './signing-key.generator';
import { SigningKeyRepository } from './signing-key.repository';

/** A retired key stays published this long past the access-token lifetime, for clock skew. */
const PUBLICATION_SKEW_SECONDS = 60;

/**
 * The key that signs access tokens and the public keys verifiers fetch. Both are loaded once
 * and held imported in memory: no key parsing or database read per token.
 */
@Injectable()
export class SigningKeyService implements OnApplicationBootstrap {
  private signingKey?: AccessTokenSigningKey;
  private jwks: JSONWebKeySet = { keys: [] };
  private verificationKeys = createLocalJWKSet(this.jwks);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    @Inject(KEY_ENCRYPTION_KEY) private readonly keyEncryptionKey: Uint8Array,
    private readonly keys: SigningKeyRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const alg = this.config.tokens.signingAlgorithm;
    const active = await this.keys.ensureActive(alg, async () => {
      const generated = await generateSigningKey(alg);
      return {
        kid: generated.kid,
        alg,
        publicJwk: generated.publicJwk,
        encryptedPrivateJwk: await encryptPrivateJwk(generated.privateJwk, this.keyEncryptionKey),
      };
    });
    const privateJwk = await decryptPrivateJwk(active.encryptedPrivateJwk, this.keyEncryptionKey);
    this.signingKey = {
      kid: active.kid,
      alg: active.alg as SigningAlgorithm,
      key: (await importJWK(privateJwk, active.alg)) as AccessTokenSigningKey['key'],
    };
    await this.refreshPublishedKeys();
  }

  currentSigningKey(): AccessTokenSigningKey {
    if (!this.signingKey) throw new Error('No signing key loaded yet');
    return this.signingKey;
  }

  publishedKeys(): JSONWebKeySet {
    return this.jwks;
  }

  /** The published keys as a jose key resolver, for verifying tokens this server issued. */
  verificationKeySet(): ReturnType<typeof createLocalJWKSet> {
    return this.verificationKeys;
  }

  private async refreshPublishedKeys(): Promise<void> {
    const horizonMs = (this.config.tokens.accessTokenTtlSeconds + PUBLICATION_SKEW_SECONDS) * 1000;
    const published = await this.keys.findPublished(new Date(Date.now() - horizonMs));
    this.jwks = { keys: published.map((key) => key.publicJwk) };
    this.verificationKeys = createLocalJWKSet(this.jwks);
  }
}
