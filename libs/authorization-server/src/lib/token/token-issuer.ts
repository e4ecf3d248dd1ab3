import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthServerConfig } from '@oauth/config';
import { serverError } from '@oauth/oauth-errors';
import { generateOpaqueToken, hashToken, registeredClaimsIn, signAccessToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { RegisteredClient } from '../clients/registered-client';
import { SigningKeyService } from '../keys/signing-key.service';
import { ACCESS_TOKEN_CLAIMS_HOOK, type AccessTokenClaimsHook } from './access-token-claims.hook';
import { RefreshTokenRepository, type FamilyAccessToken } from './refresh-token.repository';
import type { GrantedScope } from './scope-policy';
import type { TokenResponse } from './token-response';

/**
 * The identity and validity of an access token, fixed before it is signed: a grant that writes to the database
 * names the token in that same write, so nothing is issued that the database does not know about.
 */
export interface AccessTokenTicket {
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

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

/** An access token ready to be signed: its ticket fixed and the claims hook run, nothing stored yet. */
export interface PreparedAccessToken {
  readonly request: AccessTokenRequest;
  readonly ticket: AccessTokenTicket;
  readonly additionalClaims: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Signs access tokens (RFC 9068) with the server's current signing key and starts refresh-token families. Grants,
 * built-in and extension ones, mint every token through it, so every token has the same keys, lifetime, claims hook
 * and registered claims.
 *
 * A grant that stores nothing calls `issue`. One that writes (consumes a code, rotates a token) calls `prepare`
 * first, then writes, then `respond`: a failing claims hook then consumes nothing.
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

  /** The token response (RFC 6749 §5.1) with a new access token, for a grant that stores nothing. */
  async issue(request: AccessTokenRequest): Promise<TokenResponse> {
    return this.respond(await this.prepare(request));
  }

  /**
   * Fixes the token's identity and runs the claims hook, storing nothing. Refuses with `server_error` (and logs why)
   * when the hook names a registered claim or returns something other than an object (docs/adr/0012).
   */
  async prepare(request: AccessTokenRequest, ticket = this.newTicket()): Promise<PreparedAccessToken> {
    return { request, ticket, additionalClaims: await this.additionalClaims(request) };
  }

  /**
   * The token response for a prepared token; when `refreshToken` is given, the access token is first remembered in
   * its family, so that ending the family can deny-list it too.
   */
  async respond(prepared: PreparedAccessToken, refreshToken?: string): Promise<TokenResponse> {
    if (refreshToken !== undefined) {
      await this.refreshTokens.recordAccessToken(hashToken(refreshToken), familyAccessToken(prepared.ticket));
    }
    return this.respondRecorded(prepared, refreshToken);
  }

  /** The token response for a prepared token whose ticket a write already recorded (startRefreshTokenFamily). */
  async respondRecorded(prepared: PreparedAccessToken, refreshToken?: string): Promise<TokenResponse> {
    const { request, ticket } = prepared;
    const scope = request.granted.scopes.toString();
    const signed = await signAccessToken(
      {
        issuer: this.config.issuer,
        subject: request.subject,
        clientId: request.client.clientId,
        audience: request.granted.audience,
        scope,
        lifetimeSeconds: ticket.expiresAt - ticket.issuedAt,
        additionalClaims: prepared.additionalClaims,
      },
      this.keys.currentSigningKey(),
      ticket.issuedAt,
      ticket.jti,
    );
    return {
      access_token: signed.token,
      token_type: 'Bearer',
      expires_in: ticket.expiresAt - ticket.issuedAt,
      scope,
      ...(refreshToken === undefined ? {} : { refresh_token: refreshToken }),
    };
  }

  /** A fresh ticket: a new `jti`, issued now, valid for ACCESS_TOKEN_TTL. */
  newTicket(): AccessTokenTicket {
    const issuedAt = Math.floor(Date.now() / 1000);
    return { jti: randomUUID(), issuedAt, expiresAt: issuedAt + this.config.tokens.accessTokenTtlSeconds };
  }

  /**
   * A new refresh token, the first of its family, stored (only its hash) together with the ticket's access token
   * in one write; answer with `respondRecorded`.
   */
  async startRefreshTokenFamily(
    client: RegisteredClient,
    subject: string,
    granted: GrantedScope,
    ticket: AccessTokenTicket,
  ): Promise<string> {
    const token = generateOpaqueToken();
    const familyExpiresAt = new Date(Date.now() + this.config.refreshTokenFamilies.absoluteTtlSeconds * 1000);
    const idleExpiry = this.refreshTokenExpiry();
    await this.refreshTokens.create(
      {
        tokenHash: hashToken(token),
        familyId: randomUUID(),
        clientId: client.clientId,
        subject,
        audience: granted.audience,
        scope: granted.scopes.toString(),
        expiresAt: idleExpiry < familyExpiresAt ? idleExpiry : familyExpiresAt,
        familyExpiresAt,
      },
      familyAccessToken(ticket),
    );
    return token;
  }

  /** The idle expiry of a new refresh token; rotation caps it at the family's absolute end. */
  refreshTokenExpiry(): Date {
    return new Date(Date.now() + this.config.tokens.refreshTokenTtlSeconds * 1000);
  }

  private async additionalClaims(request: AccessTokenRequest): Promise<Record<string, unknown> | undefined> {
    if (!this.claimsHook) return undefined;
    const clientId = JSON.stringify(request.client.clientId);
    const claims = await this.claimsHook({
      client: request.client,
      grantType: request.grantType,
      scopes: request.granted.scopes.values(),
      audience: request.granted.audience,
      subject: request.subject,
    });
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
      this.logger.error(`The access token claims hook returned no object for client_id ${clientId}; no token issued`);
      throw serverError();
    }
    const collisions = registeredClaimsIn(claims);
    if (collisions.length > 0) {
      // Refused loudly rather than dropped: a hook that means to change `sub` or `scope` is a bug to fix (ADR 0012).
      this.logger.error(
        `The access token claims hook returned registered claims (${collisions.join(', ')}) for client_id ` +
          `${clientId}; no token issued`,
      );
      throw serverError();
    }
    return claims;
  }
}

/** How a refresh-token family remembers an access token issued with it. */
export function familyAccessToken(ticket: AccessTokenTicket): FamilyAccessToken {
  return { jti: ticket.jti, expiresAt: new Date(ticket.expiresAt * 1000) };
}
