import { Inject, Injectable } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { BcryptPool } from './bcrypt-pool';
import { VerifiedSecretCache } from './verified-secret-cache';

/** bcrypt only reads the first 72 bytes: a longer secret is refused rather than truncated silently. */
const BCRYPT_MAX_BYTES = 72;

/**
 * A bcrypt hash (cost 12) of a random value nobody knows. Checked when the client is unknown,
 * so an unknown client and a wrong secret cost the same time.
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
    if (Buffer.byteLength(secret, 'utf8') > BCRYPT_MAX_BYTES) return this.spendAsMuchAsACheck();
    if (this.cache.has(secret, hash)) return true;
    const matches = await this.bcrypt.compare(secret, hash);
    if (matches) this.cache.remember(secret, hash);
    return matches;
  }

  /** Spends one bcrypt check and fails: for an unknown client or an unusable secret. */
  async spendAsMuchAsACheck(): Promise<false> {
    await this.bcrypt.compare('unknown-client', DUMMY_HASH);
    return false;
  }
}
