import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthServerConfig } from '@oauth/config';
import { serverError } from '@oauth/oauth-errors';
import {
  generateOpaqueToken,
  hashToken,
  RegisteredClaimCollisionError,
  signAccessToken,
  type SignedAccessToken,
} from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { RegisteredClient } from '../clients/registered-client';
import { SigningKeyService } from '../keys/signing-key.service';
import { ACCESS_TOKEN_CLAIMS_HOOK, type AccessTokenClaimsHook } from './access-token-claims.hook';
import { RefreshTokenRepository } from './refresh-token.repository';
import type { GrantedScope } from './scope-policy';
import type { TokenResponse } from './token-response';

/** What an access token is issued for. */
export interface AccessTokenRequest {
  /** The authenticated client. */
  client: RegisteredClient;
  /** The grant issuing it; the claims hook sees it. */
  grantType: string;
  /** The token's `sub`: a user's id, or the client's own id when it acts for itself. */
  subject: string;
  /** The granted scopes and their audience, usually from the ScopePolicy. */
  granted: GrantedScope;
}

/** An access token signed but not yet handed out: sign before a grant's writes, respond after them. */
export interface PendingAccessToken {
  readonly signed: SignedAccessToken;
  readonly scope: string;
}

/**
 * Signs access tokens (RFC 9068) with the server's current signing key and starts refresh-token families. Grants,
 * built-in and extension ones, mint every token through it, so every token has the same keys, lifetime, claims hook
 * and registered claims.
 */
@Injectable()
export class TokenIssuer {
  private readonly logger = new Logger(TokenIssuer.name);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly keys: SigningKeyService,
    private readonly refreshTokens: RefreshTokenRepository,
    @Optional() @Inject(ACCESS_TOKEN_CLAIMS_HOOK) private readonly claimsHook: AccessTokenClaimsHook | null = null,
  ) {}

  /**
   * The token response (RFC 6749 §5.1) with a new access token; `refreshToken` is passed through into it. For a
   * grant that stores nothing, or stores its refresh token before: otherwise use `sign` before the writes.
   */
  async issue(request: AccessTokenRequest, refreshToken?: string): Promise<TokenResponse> {
    return this.respond(await this.sign(request), refreshToken);
  }

  /** Signs the access token (the claims hook runs here) and stores nothing, so a failure here consumes nothing. */
  async sign(request: AccessTokenRequest): Promise<PendingAccessToken> {
    const { client, subject, granted } = request;
    const scope = granted.scopes.toString();
    const additionalClaims = await this.additionalClaims(request);
    try {
      const signed = await signAccessToken(
        {
          issuer: this.config.issuer,
          subject,
          clientId: client.clientId,
          audience: granted.audience,
          scope,
          lifetimeSeconds: this.config.tokens.accessTokenTtlSeconds,
          additionalClaims,
        },
        this.keys.currentSigningKey(),
      );
      return { signed, scope };
    } catch (error) {
      if (!(error instanceof RegisteredClaimCollisionError)) throw error;
      // Refused loudly rather than dropped: a hook that means to change `sub` or `scope` is a bug to fix (ADR 0012).
      this.logger.error(
        `The access token claims hook returned registered claims (${error.claims.join(', ')}) for client_id ` +
          `${JSON.stringify(client.clientId)}; no token was issued`,
      );
      throw serverError();
    }
  }

  /** The token response for a signed access token, remembered in the refresh token's family when there is one. */
  async respond(access: PendingAccessToken, refreshToken?: string): Promise<TokenResponse> {
    if (refreshToken !== undefined) {
      // Remembered so that ending the family can deny-list this access token too.
      await this.refreshTokens.recordAccessToken(hashToken(refreshToken), {
        jti: access.signed.jti,
        expiresAt: new Date(access.signed.expiresAt * 1000),
      });
    }
    return {
      access_token: access.signed.token,
      token_type: 'Bearer',
      expires_in: access.signed.expiresAt - access.signed.issuedAt,
      scope: access.scope,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    };
  }

  /** A new refresh token, the first of its family; only its hash is stored. */
  async startRefreshTokenFamily(client: RegisteredClient, subject: string, granted: GrantedScope): Promise<string> {
    const token = generateOpaqueToken();
    const familyExpiresAt = new Date(Date.now() + this.config.refreshTokenFamilies.absoluteTtlSeconds * 1000);
    const idleExpiry = this.refreshTokenExpiry();
    await this.refreshTokens.create({
      tokenHash: hashToken(token),
      familyId: randomUUID(),
      clientId: client.clientId,
      subject,
      audience: granted.audience,
      scope: granted.scopes.toString(),
      expiresAt: idleExpiry < familyExpiresAt ? idleExpiry : familyExpiresAt,
      familyExpiresAt,
    });
    return token;
  }

  /** The idle expiry of a new refresh token; rotation caps it at the family's absolute end. */
  refreshTokenExpiry(): Date {
    return new Date(Date.now() + this.config.tokens.refreshTokenTtlSeconds * 1000);
  }

  private async additionalClaims(request: AccessTokenRequest): Promise<Record<string, unknown> | undefined> {
    if (!this.claimsHook) return undefined;
    const claims = await this.claimsHook({
      client: request.client,
      grantType: request.grantType,
      scopes: request.granted.scopes.values(),
      audience: request.granted.audience,
      subject: request.subject,
    });
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      this.logger.error('The access token claims hook returned something other than an object; no token was issued');
      throw serverError();
    }
    return claims;
  }
}
