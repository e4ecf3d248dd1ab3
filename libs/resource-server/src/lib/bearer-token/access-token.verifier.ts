import { Inject, Injectable } from '@nestjs/common';
import { invalidToken } from '@oauth/oauth-errors';
import { ScopeSet, ScopeSyntaxError } from '@oauth/scopes';
import { ACCESS_TOKEN_TYPE, isStrictCompactJws } from '@oauth/tokens';
import { jwtVerify, type JWTVerifyResult } from 'jose';
import { DenyListCache } from '../deny-list/deny-list.cache';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';
import { AccessTokenPrincipal } from './access-token-principal';
import { ResilientJwksResolver } from './resilient-jwks.resolver';
import { VerifiedTokenCache, type VerifiedToken } from './verified-token.cache';
import { describeTokenRejection, isTokenRejection } from './verification-failure';

/** The algorithms the auth server signs with; anything else (`none`, HS256, …) is refused. */
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

/** RFC 9068 §2.2: the claims every access token carries. */
const REQUIRED_CLAIMS = ['exp', 'iat', 'jti', 'sub', 'client_id', 'scope'];

/** Validates RFC 9068 JWT access tokens against the auth server's published keys. */
@Injectable()
export class AccessTokenVerifier {
  private readonly realm: string;
  private readonly verified: VerifiedTokenCache;

  constructor(
    @Inject(RESOURCE_SERVER_OPTIONS) private readonly options: ResolvedResourceServerOptions,
    // One for the app: the key set is cached, re-fetched at most once per cooldown, and kept while the auth server is down.
    private readonly keys: ResilientJwksResolver,
    private readonly denyList: DenyListCache,
  ) {
    this.realm = options.realm;
    this.verified = new VerifiedTokenCache(options.verifiedTokenCacheSize, options.clockSkewSeconds);
  }

  /** Returns the token's principal, or throws the RFC 6750 §3.1 error to answer with. */
  async verify(token: string): Promise<AccessTokenPrincipal> {
    const verified = this.verified.get(token, Math.floor(Date.now() / 1000)) ?? (await this.verifyAndRemember(token));
    // ADR 0006: revoked tokens and tokens of revoked keys, from the in-memory copy of the deny-list.
    if (this.denyList.refuses(verified.principal.tokenId, verified.keyId)) {
      throw invalidToken(this.realm, 'The access token has been revoked');
    }
    return verified.principal;
  }

  private async verifyAndRemember(token: string): Promise<VerifiedToken> {
    // RFC 8725 §3.1: refuse non-canonical or ambiguous tokens before any key is looked up. A cached token has
    // passed this already: the cache is keyed by its exact text.
    if (!isStrictCompactJws(token)) throw invalidToken(this.realm, 'The access token is malformed');
    const { payload, protectedHeader } = await this.verifyWithKeys(token);
    const verified = { principal: this.toPrincipal(payload), keyId: protectedHeader.kid };
    this.verified.remember(token, verified);
    return verified;
  }

  private async verifyWithKeys(token: string): Promise<JWTVerifyResult> {
    const { options } = this;
    try {
      return await jwtVerify(token, this.keys.resolve, {
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: options.clockSkewSeconds,
        // RFC 9068 §4: reject tokens whose header typ is not at+jwt (no confusion with ID tokens).
        typ: ACCESS_TOKEN_TYPE,
        algorithms: ALGORITHMS,
        requiredClaims: REQUIRED_CLAIMS,
      });
    } catch (error) {
      if (isTokenRejection(error)) throw invalidToken(this.realm, describeTokenRejection(error));
      throw error;
    }
  }

  private toPrincipal(payload: JWTVerifyResult['payload']): AccessTokenPrincipal {
    const { sub, jti, exp, client_id: clientId, scope } = payload;
    if (
      typeof sub !== 'string' ||
      typeof jti !== 'string' ||
      typeof clientId !== 'string' ||
      typeof scope !== 'string' ||
      typeof exp !== 'number'
    ) {
      throw invalidToken(this.realm, 'The access token has a malformed claim');
    }
    return new AccessTokenPrincipal(clientId, sub, this.parseScope(scope), jti, new Date(exp * 1000));
  }

  private parseScope(scope: string): ScopeSet {
    try {
      return ScopeSet.parse(scope);
    } catch (error) {
      if (error instanceof ScopeSyntaxError)
        throw invalidToken(this.realm, 'The access token has a malformed scope claim');
      throw error;
    }
  }
}
