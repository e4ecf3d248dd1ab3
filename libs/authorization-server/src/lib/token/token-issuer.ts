import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AuthServerConfig } from '@oauth/config';
import { generateOpaqueToken, hashToken, signAccessToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { RegisteredClient } from '../clients/registered-client';
import { SigningKeyService } from '../keys/signing-key.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import type { GrantedScope } from './scope-policy';
import type { TokenResponse } from './token-response';

/** Signs access tokens and starts refresh-token families. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly keys: SigningKeyService,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  /** An access token for `subject`; `refreshToken` is passed through into the response. */
  async respond(
    client: RegisteredClient,
    subject: string,
    granted: GrantedScope,
    refreshToken?: string,
  ): Promise<TokenResponse> {
    const lifetimeSeconds = this.config.tokens.accessTokenTtlSeconds;
    const scope = granted.scopes.toString();
    const signed = await signAccessToken(
      {
        issuer: this.config.issuer,
        subject,
        clientId: client.clientId,
        audience: granted.audience,
        scope,
        lifetimeSeconds,
      },
      this.keys.currentSigningKey(),
    );
    if (refreshToken !== undefined) {
      // Remembered so that ending the family can deny-list this access token too.
      await this.refreshTokens.recordAccessToken(hashToken(refreshToken), {
        jti: signed.jti,
        expiresAt: new Date(signed.expiresAt * 1000),
      });
    }
    return {
      access_token: signed.token,
      token_type: 'Bearer',
      expires_in: lifetimeSeconds,
      scope,
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
}
