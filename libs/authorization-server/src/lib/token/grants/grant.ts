import type { RegisteredClient } from '../../clients/registered-client';
import type { TokenRequestParams } from '../token-request';
import type { TokenResponse } from '../token-response';

/**
 * One grant type of the token endpoint (RFC 6749 §4). The built-in grants implement it, and so does an extension
 * grant given in `extensions.grants`: an `@Injectable()` class that may inject the TokenIssuer (to mint tokens with
 * the server's keys), the ScopePolicy and the ClientRegistry.
 *
 * Before `handle` runs, the token endpoint has parsed the form (no repeated parameters, RFC 6749 §3.2), picked the
 * grant by `grant_type`, authenticated the client (RFC 6749 §3.2.1) and checked that the client is registered for
 * this grant type. Refuse a request by throwing an error from `@oauth/oauth-errors` (`invalidGrant`,
 * `invalidRequest`, `invalidScope`, …); anything else becomes a 500 `server_error`.
 */
export interface Grant {
  /** The `grant_type` value; an extension grant's is an absolute URI (RFC 6749 §4.5). */
  readonly grantType: string;
  handle(params: TokenRequestParams, client: RegisteredClient): Promise<TokenResponse>;
}

/** Injection token for the list of grants the token endpoint dispatches to. */
export const GRANTS = Symbol('GRANTS');
