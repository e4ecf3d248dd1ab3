import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify } from 'jose';
import type { AuthServerConfig } from '@oauth/config';
import { ACCESS_TOKEN_TYPE, hashToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { DenyListRepository } from '../deny-list/deny-list.repository';
import { SigningKeyService } from '../keys/signing-key.service';
import { RefreshTokenRepository, type StoredRefreshToken } from '../token/refresh-token.repository';

/** The claims of a live access token this server issued (RFC 9068 §2.2). */
export interface LiveAccessToken {
  jti: string;
  sub: string;
  clientId: string;
  aud: string;
  scope: string;
  iat: number;
  exp: number;
}

/** An RFC 9068 access token is a JWS in compact form; refresh tokens are opaque and have no dots. */
const looksLikeJwt = (token: string) => token.split('.').length === 3;

/**
 * Finds out what a presented token is, for revocation and introspection. The token's shape decides
 * where to look, so `token_type_hint` is never needed (RFC 7009 §2.1, RFC 7662 §2.1: only a hint).
 */
@Injectable()
export class IssuedTokenReader {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly keys: SigningKeyService,
    private readonly denyList: DenyListRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  /** A valid, unexpired access token of this issuer, or null (signed by a revoked key, forged, expired…). */
  async accessToken(token: string): Promise<LiveAccessToken | null> {
    if (!looksLikeJwt(token)) return null;
    try {
      const { payload } = await jwtVerify(token, this.keys.verificationKeySet(), {
        issuer: this.config.issuer,
        typ: ACCESS_TOKEN_TYPE,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
        requiredClaims: ['exp', 'iat', 'jti', 'sub', 'client_id', 'scope', 'aud'],
      });
      const { jti, sub, client_id: clientId, aud, scope, iat, exp } = payload;
      if (
        typeof jti !== 'string' ||
        typeof sub !== 'string' ||
        typeof clientId !== 'string' ||
        typeof aud !== 'string' ||
        typeof scope !== 'string' ||
        typeof iat !== 'number' ||
        typeof exp !== 'number'
      ) {
        return null;
      }
      return { jti, sub, clientId, aud, scope, iat, exp };
    } catch {
      return null;
    }
  }

  /** A live access token that is not on the deny-list. */
  async activeAccessToken(token: string): Promise<LiveAccessToken | null> {
    const claims = await this.accessToken(token);
    if (!claims || (await this.denyList.isDenied('jti', claims.jti))) return null;
    return claims;
  }

  /** The stored refresh token of this value, whatever its state, or null. */
  async refreshToken(token: string): Promise<StoredRefreshToken | null> {
    if (looksLikeJwt(token)) return null;
    return this.refreshTokens.findByHash(hashToken(token));
  }
}
