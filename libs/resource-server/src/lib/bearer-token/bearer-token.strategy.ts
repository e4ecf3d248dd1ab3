import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { missingToken, temporarilyUnavailable } from '@oauth/oauth-errors';
import { Strategy } from 'passport-custom';
import { DenyListCache } from '../deny-list/deny-list.cache';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';
import type { AccessTokenPrincipal } from './access-token-principal';
import { AccessTokenVerifier } from './access-token.verifier';
import { extractBearerToken, type BearerTokenCarrier } from './bearer-token.extractor';

export const BEARER_TOKEN_STRATEGY = 'bearer-token';

/** Requests that change nothing; everything else is a mutation. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request as this strategy reads it: Fastify's and Express's requests both fit. */
type BearerRequest = BearerTokenCarrier & { method: string };

/** Passport strategy: extracts the bearer token (RFC 6750 §2.1) and verifies it with jose. */
@Injectable()
export class BearerTokenStrategy extends PassportStrategy(Strategy, BEARER_TOKEN_STRATEGY) {
  private readonly realm: string;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly denyList: DenyListCache,
    @Inject(RESOURCE_SERVER_OPTIONS) options: ResolvedResourceServerOptions,
  ) {
    super();
    this.realm = options.realm;
  }

  /** Throws the OAuthError to answer with; BearerTokenGuard passes it on unchanged. */
  async validate(request: BearerRequest): Promise<AccessTokenPrincipal> {
    if (!SAFE_METHODS.has(request.method) && this.denyList.state() === 'stale') {
      // ADR 0006: without a recent deny-list a revoked token could change data; refuse until it is back.
      throw temporarilyUnavailable('The revocation list of the authorization server is out of date', 5);
    }
    const token = extractBearerToken(request, this.realm);
    if (token === undefined) throw missingToken(this.realm);
    return this.verifier.verify(token);
  }
}
