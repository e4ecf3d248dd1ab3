import type { ScopeSet } from '@oauth/scopes';

/** Who a validated access token speaks for and what it grants (RFC 9068 §2.2). */
export class AccessTokenPrincipal {
  constructor(
    /** The token's `sub`: the client itself under client_credentials. */
    readonly clientId: string,
    /** The granted scopes, from the `scope` claim, in token order. */
    readonly scopes: ScopeSet,
    /** The token's `jti`, for logs and revocation checks. */
    readonly jti: string,
  ) {}
}
