import { Inject, Injectable } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { BcryptPool } from './bcrypt-pool';
import { VerifiedSecretCache } from './verified-secret-cache';

/** bcrypt only reads the first 72 bytes: a longer secret is refused rather than truncated silently. */
const BCRYPT_MAX_BYTES = 72;

/**
 * A bcrypt hash (cost 12, the cost `npm run keygen`, the admin API and the demo seeder use) of a random value nobody
 * knows. Checked when the client is unknown, so an unknown client and a wrong secret cost the same time. A client
 * declared with another cost is told apart by timing; see docs/adr/0013-failed-authentication-limits.md.
 */
const DUMMY_HASH = '$2b$12$Ue0fN3jy5uP8TAXVTqAceeF6WTuvvY4mw2MfbtYS.UmdQI8Tf4Xba';

/** Checks presented client secrets against stored bcrypt hashes. */
@Injectable()
export class SecretVerifier {
  private readonly cache: VerifiedSecretCache;

  constructor(
    private readonly bcrypt: BcryptPool,
    @Inject(AUTH_SERVER_CONFIG) config: AuthServerConfig,
  ) {
    this.cache = new VerifiedSecretCache(config.clientAuthentication.verifiedSecretCacheTtlSeconds * 1000);
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    const usable = Buffer.byteLength(secret, 'utf8') <= BCRYPT_MAX_BYTES;
    if (usable && this.isRemembered(secret, hash)) return true;
    // A secret bcrypt would truncate is refused, after the same bcrypt work against the dummy hash.
    const matches = await this.bcrypt.compare(usable ? secret : '', usable ? hash : DUMMY_HASH);
    if (matches && usable) this.cache.remember(secret, hash);
    return matches && usable;
  }

  /** Whether this secret matched this hash within the cache's lifetime: no bcrypt run needed (ADR 0001). */
  isRemembered(secret: string, hash: string): boolean {
    return this.cache.has(secret, hash);
  }

  /**
   * Does what a check of `presented` against a real hash does (length check, cache lookup, one bcrypt run on the
   * same worker pool) and fails: for an unknown client, another method or a client without a usable secret.
   */
  async spendAsMuchAsACheck(presented = ''): Promise<false> {
    await this.verify(presented, DUMMY_HASH);
    return false;
  }
}
