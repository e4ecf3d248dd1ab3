import type { ScopeSet } from '@oauth/scopes';

/**
 * Who a verified access token speaks for and what it grants (RFC 9068 §2.2): what the `Principal()`
 * parameter decorator hands a route behind `RequireToken()` or `RequireScopes()`.
 */
export class AccessTokenPrincipal {
  constructor(
    /** The token's `client_id`: the client the token was issued to. */
    readonly clientId: string,
    /** The token's `sub`: the user under the authorization-code grant, the client itself under client_credentials. */
    readonly subject: string,
    /** The granted scopes, from the `scope` claim, in token order. */
    readonly scopes: ScopeSet,
    /** The token's `jti`, for logs and revocation checks. */
    readonly tokenId: string,
    /** When the token expires (its `exp`). */
    readonly expiresAt: Date,
  ) {}
}
