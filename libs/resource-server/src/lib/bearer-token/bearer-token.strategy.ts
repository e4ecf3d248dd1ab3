import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { ResourceApiConfig } from '@oauth/config';
import { missingToken, temporarilyUnavailable } from '@oauth/oauth-errors';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import { DenyListCache } from '../deny-list/deny-list.cache';
import type { AccessTokenPrincipal } from './access-token-principal';
import { AccessTokenVerifier } from './access-token.verifier';
import { extractBearerToken } from './bearer-token.extractor';

export const BEARER_TOKEN_STRATEGY = 'bearer-token';

/** Requests that change nothing; everything else is a mutation. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Passport strategy: extracts the bearer token (RFC 6750 §2.1) and verifies it with jose. */
@Injectable()
export class BearerTokenStrategy extends PassportStrategy(Strategy, BEARER_TOKEN_STRATEGY) {
  private readonly realm: string;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly denyList: DenyListCache,
    @Inject(RESOURCE_API_CONFIG) config: ResourceApiConfig,
  ) {
    super();
    this.realm = config.tokens.audience;
  }

  /** Throws the OAuthError to answer with; BearerTokenGuard passes it on unchanged. */
  async validate(request: FastifyRequest): Promise<AccessTokenPrincipal> {
    if (!SAFE_METHODS.has(request.method) && this.denyList.state() === 'stale') {
      // ADR 0006: without a recent deny-list a revoked token could change data; refuse until it is back.
      throw temporarilyUnavailable('The revocation list of the authorization server is out of date', 5);
    }
    const token = extractBearerToken(request, this.realm);
    if (token === undefined) throw missingToken(this.realm);
    return this.verifier.verify(token);
  }
}
