import { Inject, Injectable } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { RegisteredClient } from '../clients/registered-client';

/** Remote key sets kept at most; the oldest goes first. */
const MAX_REMOTE_SETS = 1_000;

/**
 * The keys a client registered (RFC 7591 §2 `jwks` or `jwks_uri`), as a jose key lookup. A `jwks_uri` is fetched
 * with a timeout, cached, and re-fetched on an unknown `kid` at most once per cooldown, so an attacker sending
 * made-up kids cannot make this server hammer the client's key endpoint.
 */
@Injectable()
export class ClientJwksResolver {
  private readonly remote = new Map<string, JWTVerifyGetKey>();

  constructor(@Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig) {}

  keysOf(client: RegisteredClient): JWTVerifyGetKey | null {
    if (client.jwks) return createLocalJWKSet(client.jwks);
    if (client.jwksUri) return this.remoteSet(client.jwksUri);
    return null;
  }

  private remoteSet(uri: string): JWTVerifyGetKey {
    const existing = this.remote.get(uri);
    if (existing) return existing;
    if (this.remote.size >= MAX_REMOTE_SETS) {
      const oldest = this.remote.keys().next().value;
      if (oldest !== undefined) this.remote.delete(oldest);
    }
    const { jwksTimeoutMs, jwksRefetchCooldownSeconds, jwksCacheMaxAgeSeconds } = this.config.clientAuthentication;
    const set = createRemoteJWKSet(new URL(uri), {
      timeoutDuration: jwksTimeoutMs,
      cooldownDuration: jwksRefetchCooldownSeconds * 1000,
      cacheMaxAge: jwksCacheMaxAgeSeconds * 1000,
    });
    this.remote.set(uri, set);
    return set;
  }
}
