import type { RegisteredClient } from '../clients/registered-client';

/** What an access token is being issued for, as the claims hook sees it. */
export interface AccessTokenClaimsContext {
  /** The client the token is issued to. Its secret hashes are in here too: never copy them into claims. */
  client: RegisteredClient;
  /** The grant issuing the token: `client_credentials`, `authorization_code`, `refresh_token` or an extension's. */
  grantType: string;
  /** The granted scopes, as the token's `scope` claim lists them. */
  scopes: readonly string[];
  /** The token's audience, its `aud` claim. */
  audience: string;
  /** The token's subject, its `sub` claim: the user's id, or the client's id for client_credentials. */
  subject: string;
}

/**
 * Adds claims to every access token the server issues (RFC 9068 §2.2.3 allows any further claims). It runs before
 * the grant stores anything, so a hook that throws fails the request (500 `server_error`) without consuming an
 * authorization code or rotating a refresh token. A claim named like a registered one (`iss`, `sub`, `aud`, `exp`,
 * `nbf`, `iat`, `jti`, `client_id`, `scope`, … see REGISTERED_ACCESS_TOKEN_CLAIMS in @oauth/tokens) is refused the
 * same way and logged: the token is never issued (docs/adr/0012-authorization-server-extensions.md).
 */
export type AccessTokenClaimsHook = (
  context: AccessTokenClaimsContext,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Injection token of the claims hook given as `extensions.accessTokenClaims`; null when there is none. */
export const ACCESS_TOKEN_CLAIMS_HOOK = Symbol('ACCESS_TOKEN_CLAIMS_HOOK');
