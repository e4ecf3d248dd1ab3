import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthServerConfig } from '@oauth/config';
import { generateOpaqueToken, hashToken, signAccessToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { RegisteredClient } from '../clients/registered-client';
import { SigningKeyService } from '../keys/signing-key.service';
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

/** Signs access tokens and starts refresh-token families. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly keys: SigningKeyService,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  newTicket(): AccessTokenTicket {
    const issuedAt = Math.floor(Date.now() / 1000);
    return { jti: randomUUID(), issuedAt, expiresAt: issuedAt + this.config.tokens.accessTokenTtlSeconds };
  }

  /** An access token for `subject`, remembered with the family of `refreshToken` when there is one. */
  async respond(
    client: RegisteredClient,
    subject: string,
    granted: GrantedScope,
    refreshToken?: string,
  ): Promise<TokenResponse> {
    const ticket = this.newTicket();
    if (refreshToken !== undefined) {
      // Remembered so that ending the family can deny-list this access token too.
      await this.refreshTokens.recordAccessToken(hashToken(refreshToken), familyAccessToken(ticket));
    }
    return this.respondWithTicket(client, subject, granted, ticket, refreshToken);
  }

  /** Signs the access token of a ticket whose database write is already done; `refreshToken` is passed through. */
  async respondWithTicket(
    client: RegisteredClient,
    subject: string,
    granted: GrantedScope,
    ticket: AccessTokenTicket,
    refreshToken?: string,
  ): Promise<TokenResponse> {
    const scope = granted.scopes.toString();
    const signed = await signAccessToken(
      {
        issuer: this.config.issuer,
        subject,
        clientId: client.clientId,
        audience: granted.audience,
        scope,
        lifetimeSeconds: ticket.expiresAt - ticket.issuedAt,
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

  /**
   * A new refresh token, the first of its family, stored (only its hash) together with the ticket's access token
   * in one write.
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
}

/** How a refresh-token family remembers an access token issued with it. */
export function familyAccessToken(ticket: AccessTokenTicket): FamilyAccessToken {
  return { jti: ticket.jti, expiresAt: new Date(ticket.expiresAt * 1000) };
}
