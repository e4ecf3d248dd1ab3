import { Logger } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JWSHeaderParameters, type FlattenedJWSInput } from 'jose';
import { isTokenRejection } from './verification-failure';

type KeyResolver = ReturnType<typeof createLocalJWKSet>;

/**
 * How current the key set is: `not_fetched` before the first token needed it, `fresh` within the cache
 * max age, `stale` when older (re-fetched when the next token comes), `unreachable` when the last fetch
 * failed (the keys held, if any, keep verifying tokens).
 */
export type KeySetState = 'not_fetched' | 'fresh' | 'stale' | 'unreachable';

export interface ResilientJwksOptions {
  jwksUri: string;
  cooldownMs: number;
  cacheMaxAgeMs: number;
  timeoutMs: number;
}

/**
 * The auth server's keys, fetched by jose (cached, re-fetched on an unknown kid at most once per
 * cooldown), and kept usable while the auth server is unreachable: after a failed fetch the keys
 * already held keep verifying tokens and no new fetch is tried until the cooldown has passed, so an
 * outage or a flood of unknown kids causes at most one fetch per cooldown and never a 5xx.
 */
export class ResilientJwksResolver {
  private readonly logger = new Logger(ResilientJwksResolver.name);
  private readonly remote: ReturnType<typeof createRemoteJWKSet>;
  private lastFailureAt = -Infinity;
  private staleKeys?: KeyResolver;
  private lastFetchFailed = false;

  constructor(private readonly options: ResilientJwksOptions) {
    this.remote = createRemoteJWKSet(new URL(options.jwksUri), {
      cooldownDuration: options.cooldownMs,
      cacheMaxAge: options.cacheMaxAgeMs,
      timeoutDuration: options.timeoutMs,
    });
  }

  /** A jose key resolver: pass it to jwtVerify. */
  readonly resolve = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (Date.now() - this.lastFailureAt < this.options.cooldownMs) return this.fromKeysHeld(header, token);
    try {
      const key = await this.remote(header, token);
      this.lastFetchFailed = false;
      return key;
    } catch (error) {
      if (isTokenRejection(error)) throw error;
      this.lastFailureAt = Date.now();
      this.lastFetchFailed = true;
      this.staleKeys = undefined;
      this.logger.error(`Signing keys unavailable from ${this.options.jwksUri}: ${(error as Error)?.message ?? error}`);
      return this.fromKeysHeld(header, token);
    }
  };

  /** For health reports; never triggers a fetch. */
  state(): KeySetState {
    if (this.lastFetchFailed) return 'unreachable';
    if (!this.remote.jwks()) return 'not_fetched';
    return this.remote.fresh ? 'fresh' : 'stale';
  }

  private fromKeysHeld(header: JWSHeaderParameters, token: FlattenedJWSInput) {
    const held = this.remote.jwks();
    // Never fetched: no key is known, so the token's key is unknown too (invalid_token, not a 5xx).
    if (!held) throw new errors.JWKSNoMatchingKey();
    this.staleKeys ??= createLocalJWKSet(held);
    return this.staleKeys(header, token);
  }
}
