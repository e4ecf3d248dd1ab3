import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ClientApiConfig } from '@oauth/config';
import { ScopeSet } from '@oauth/scopes';
import { CLOCK, type Clock } from '../clock/clock';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import { TokenEndpointClient, type TokenGrant } from './token-endpoint.client';
import { TokenRequestRefusedError } from './token-request-refused.error';
import type { TokenResponse } from './token-response';

interface HeldToken {
  accessToken: string;
  refreshToken?: string;
  /** When to stop handing out the access token and get a new one. */
  renewAt: number;
}

/**
 * Hands out access tokens per audience (the part before the dot of a scope, e.g. `other`):
 * cached until `tokenRefreshMarginSeconds` before expiry, then renewed with the refresh token when one
 * is held, else (or when that is refused) with a new client_credentials grant. Concurrent callers for
 * one audience share one token request.
 */
@Injectable()
export class TokenProvider {
  private readonly logger = new Logger(TokenProvider.name);
  private readonly scopeByAudience = new Map<string, string>();
  private readonly held = new Map<string, HeldToken>();
  private readonly inFlight = new Map<string, Promise<HeldToken>>();
  private readonly marginMs: number;

  constructor(
    @Inject(CLIENT_API_CONFIG) config: ClientApiConfig,
    private readonly tokenEndpoint: TokenEndpointClient,
    @Inject(CLOCK) private readonly now: Clock,
  ) {
    const scopes = ScopeSet.parse(config.scopes);
    for (const audience of scopes.audiences()) {
      const values = scopes.permissionsFor(audience).map((permission) => `${audience}.${permission}`);
      this.scopeByAudience.set(audience, values.join(' '));
    }
    this.marginMs = config.tokenRefreshMarginSeconds * 1000;
  }

  async accessTokenFor(audience: string): Promise<string> {
    const held = this.held.get(audience);
    if (held && this.now() < held.renewAt) return held.accessToken;
    let pending = this.inFlight.get(audience);
    if (!pending) {
      pending = this.obtain(audience, held?.refreshToken).finally(() => this.inFlight.delete(audience));
      this.inFlight.set(audience, pending);
    }
    return (await pending).accessToken;
  }

  /**
   * The resource server rejected this token (RFC 6750 §3.1 `invalid_token`, e.g. its signing key was
   * revoked): stop handing it out. Only that exact token, so a token already renewed by another caller stays.
   */
  invalidate(audience: string, accessToken: string): void {
    const held = this.held.get(audience);
    if (held?.accessToken === accessToken) this.held.set(audience, { ...held, renewAt: -Infinity });
  }

  private async obtain(audience: string, refreshToken: string | undefined): Promise<HeldToken> {
    if (refreshToken) {
      const requestedAt = this.now();
      const refreshed = await this.refresh(audience, refreshToken);
      if (refreshed) return this.hold(audience, refreshed, requestedAt, refreshToken);
    }
    const requestedAt = this.now();
    const grant: TokenGrant = { grant_type: 'client_credentials', scope: this.scopeFor(audience) };
    return this.hold(audience, await this.tokenEndpoint.request(grant), requestedAt);
  }

  /** Undefined when the authorization server refused the refresh token. */
  private async refresh(audience: string, refreshToken: string): Promise<TokenResponse | undefined> {
    try {
      return await this.tokenEndpoint.request({ grant_type: 'refresh_token', refresh_token: refreshToken });
    } catch (error) {
      if (!(error instanceof TokenRequestRefusedError)) throw error;
      // A refused refresh token (e.g. invalid_grant after a family revocation) is dead: start over.
      this.held.delete(audience);
      this.logger.warn(`Refresh for audience "${audience}" refused (${error.code}); requesting a new token`);
      return undefined;
    }
  }

  private hold(audience: string, response: TokenResponse, requestedAt: number, usedRefreshToken?: string): HeldToken {
    const lifetimeMs = response.expires_in * 1000;
    const token: HeldToken = {
      accessToken: response.access_token,
      // RFC 6749 §6: the server may rotate the refresh token; without a new one the used one stays valid.
      refreshToken: response.refresh_token ?? usedRefreshToken,
      // Counted from before the request was sent; a margin over half the lifetime would renew on every call.
      renewAt: requestedAt + lifetimeMs - Math.min(this.marginMs, lifetimeMs / 2),
    };
    this.held.set(audience, token);
    return token;
  }

  private scopeFor(audience: string): string {
    const scope = this.scopeByAudience.get(audience);
    if (scope === undefined) throw new Error(`No scope for audience "${audience}" is configured in CLIENT_SCOPES`);
    return scope;
  }
}
