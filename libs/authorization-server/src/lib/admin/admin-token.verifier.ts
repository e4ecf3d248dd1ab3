import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify } from 'jose';
import type { AuthServerConfig } from '@oauth/config';
import { invalidToken } from '@oauth/oauth-errors';
import { ScopeSet } from '@oauth/scopes';
import { ACCESS_TOKEN_TYPE, isStrictCompactJws } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { SigningKeyService } from '../keys/signing-key.service';

/** The audience of tokens for this server's own protected endpoints (scopes `server.*`). */
export const SERVER_AUDIENCE = 'server';

/** Who called an admin endpoint, from a verified access token. */
export interface AdminCaller {
  subject: string;
  clientId: string;
  scopes: ScopeSet;
  jti: string;
}

/** Verifies access tokens this server issued for its own audience, against its own published keys. */
@Injectable()
export class AdminTokenVerifier {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly keys: SigningKeyService,
  ) {}

  async verify(token: string): Promise<AdminCaller> {
    if (!isStrictCompactJws(token)) throw invalidToken(SERVER_AUDIENCE, 'The access token is malformed');
    try {
      const { payload } = await jwtVerify(token, this.keys.verificationKeySet(), {
        issuer: this.config.issuer,
        audience: SERVER_AUDIENCE,
        // RFC 9068 §4: only access tokens, never another kind of JWT.
        typ: ACCESS_TOKEN_TYPE,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
        requiredClaims: ['exp', 'iat', 'jti', 'sub', 'client_id', 'scope'],
      });
      const { sub, client_id: clientId, scope, jti } = payload;
      if (
        typeof sub !== 'string' ||
        typeof clientId !== 'string' ||
        typeof scope !== 'string' ||
        typeof jti !== 'string'
      ) {
        throw invalidToken(SERVER_AUDIENCE, 'The access token has a malformed claim');
      }
      return { subject: sub, clientId, scopes: ScopeSet.parse(scope), jti };
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof SyntaxError) {
        throw invalidToken(SERVER_AUDIENCE, 'The access token is invalid or expired');
      }
      throw error;
    }
  }
}
