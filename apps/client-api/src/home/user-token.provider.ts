import { Injectable, Logger } from '@nestjs/common';
import type { BrowserSession } from '../browser-session/browser-session.store';
import { TokenEndpointClient } from '../token/token-endpoint.client';
import { TokenRequestRefusedError } from '../token/token-request-refused.error';

/** Renewed this long before expiry, like the client's own tokens. */
const MARGIN_MS = 30_000;

/** The signed-in person's access token, refreshed when it is about to expire (RFC 6749 §6). */
@Injectable()
export class UserTokenProvider {
  private readonly logger = new Logger(UserTokenProvider.name);

  constructor(private readonly tokenEndpoint: TokenEndpointClient) {}

  /** The access token, or undefined when the person is (no longer) signed in. */
  async accessToken(session: BrowserSession): Promise<string | undefined> {
    const tokens = session.tokens;
    if (!tokens) return undefined;
    if (Date.now() < tokens.expiresAt - MARGIN_MS) return tokens.accessToken;
    if (!tokens.refreshToken) return this.signOut(session);
    try {
      const renewed = await this.tokenEndpoint.request({
        grant_type: 'refresh_token',
        refresh_token: tokens.refreshToken,
      });
      session.tokens = {
        accessToken: renewed.access_token,
        refreshToken: renewed.refresh_token ?? tokens.refreshToken,
        expiresAt: Date.now() + renewed.expires_in * 1000,
      };
      return renewed.access_token;
    } catch (error) {
      if (!(error instanceof TokenRequestRefusedError)) throw error;
      this.logger.warn(`The person's refresh token was refused (${error.code}); they must sign in again`);
      return this.signOut(session);
    }
  }

  private signOut(session: BrowserSession): undefined {
    session.tokens = undefined;
    return undefined;
  }
}
