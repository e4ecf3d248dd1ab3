import { Injectable, Logger } from '@nestjs/common';
import { invalidGrant, invalidRequest } from '@oauth/oauth-errors';
import { ScopeSet } from '@oauth/scopes';
import { generateOpaqueToken, hashToken } from '@oauth/tokens';
import type { RegisteredClient } from '../../clients/registered-client';
import { RefreshTokenRepository } from '../refresh-token.repository';
import { AuthorizationCodeRepository, type StoredAuthorizationCode } from '../authorization-code.repository';
import { isWellFormedCodeVerifier, verifiesS256Challenge } from '../pkce';
import { TokenIssuer } from '../token-issuer';
import { requireParameter, type TokenRequestParams } from '../token-request';
import type { TokenResponse } from '../token-response';
import type { Grant } from './grant';

/** The request parameters of RFC 6749 §4.1.3 with OAuth 2.1's mandatory PKCE (RFC 7636 §4.5). */
interface CodeRedemption {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

/**
 * RFC 6749 §4.1.3: redeems an authorization code once. A second redemption fails and revokes the
 * refresh-token family started from the code (RFC 6749 §4.1.2, RFC 9700 §4.2.4). See docs/adr/0010.
 */
@Injectable()
export class AuthorizationCodeGrant implements Grant {
  readonly grantType = 'authorization_code';
  private readonly logger = new Logger(AuthorizationCodeGrant.name);

  constructor(
    private readonly codes: AuthorizationCodeRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly issuer: TokenIssuer,
  ) {}

  async handle(params: TokenRequestParams, client: RegisteredClient): Promise<TokenResponse> {
    const redemption = readParameters(params);
    const stored = await this.findCodeOfClient(redemption.code, client);
    await this.rejectReplay(stored, client);
    checkBinding(stored, redemption);
    const granted = { scopes: ScopeSet.parse(stored.scope), audience: stored.audience };
    // Prepared before the code is consumed: a failing claims hook leaves the code usable.
    const prepared = await this.issuer.prepare({ client, grantType: this.grantType, subject: stored.userId, granted });
    const refreshToken = client.grantTypes.includes('refresh_token') ? generateOpaqueToken() : undefined;
    const redeemed = await this.codes.redeem(
      stored.codeHash,
      refreshToken === undefined
        ? undefined
        : { tokenHash: hashToken(refreshToken), expiresAt: this.issuer.refreshTokenExpiry() },
    );
    // Another request redeemed it between our read and our write: the same code was used twice.
    if (!redeemed) await this.revokeIssuedTokens(stored, client);
    return this.issuer.respond(prepared, refreshToken);
  }

  private async findCodeOfClient(code: string, client: RegisteredClient): Promise<StoredAuthorizationCode> {
    const stored = await this.codes.findByHash(hashToken(code));
    // RFC 6749 §4.1.3: the code must have been issued to the authenticated client; another client's
    // attempt leaves it untouched.
    if (!stored || stored.clientId !== client.clientId) throw invalidGrant('The authorization code is invalid');
    return stored;
  }

  private async rejectReplay(stored: StoredAuthorizationCode, client: RegisteredClient): Promise<void> {
    if (stored.redeemedAt !== null) await this.revokeIssuedTokens(stored, client);
  }

  private async revokeIssuedTokens(stored: StoredAuthorizationCode, client: RegisteredClient): Promise<never> {
    // RFC 6749 §4.1.2: the server SHOULD revoke the tokens issued from a code used twice. Access tokens
    // are self-contained JWTs and live on until they expire (docs/adr/0010).
    await this.refreshTokens.revokeFamily(stored.refreshTokenFamilyId);
    this.logger.warn(
      `Authorization code replay for client_id ${JSON.stringify(client.clientId)}: refresh-token family revoked`,
    );
    throw invalidGrant('The authorization code is invalid');
  }
}

function readParameters(params: TokenRequestParams): CodeRedemption {
  const code = requireParameter(params, 'code');
  // OAuth 2.1 makes redirect_uri mandatory here whenever it was in the authorization request; this server always requires it there.
  const redirectUri = requireParameter(params, 'redirect_uri');
  const codeVerifier = requireParameter(params, 'code_verifier');
  if (!isWellFormedCodeVerifier(codeVerifier)) {
    throw invalidRequest('The code_verifier must be 43 to 128 unreserved characters (RFC 7636 §4.1)');
  }
  return { code, redirectUri, codeVerifier };
}

/** Checked before the code is consumed, so a request that fails them leaves the code to its rightful client. */
function checkBinding(stored: StoredAuthorizationCode, redemption: CodeRedemption): void {
  if (stored.expiresAt.getTime() <= Date.now()) throw invalidGrant('The authorization code has expired');
  // RFC 6749 §4.1.3: identical to the redirect_uri of the authorization request.
  if (stored.redirectUri !== redemption.redirectUri) {
    throw invalidGrant('The redirect_uri does not match the authorization request');
  }
  if (!verifiesS256Challenge(redemption.codeVerifier, stored.codeChallenge)) {
    throw invalidGrant('The code_verifier does not match the code_challenge');
  }
}
