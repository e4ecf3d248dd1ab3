import type { RegisteredClient } from '../clients/registered-client';
import type { GrantedScope } from '../token/scope-policy';

/** An authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3) that passed every check. */
export interface AuthorizationRequest {
  client: RegisteredClient;
  redirectUri: string;
  state: string | undefined;
  granted: GrantedScope;
  codeChallenge: string;
  /** The request's query string as received, carried through the login and consent forms. */
  queryString: string;
}

/** Where errors found after the redirect URI was verified are sent (RFC 6749 §4.1.2.1). */
export interface VerifiedRedirect {
  redirectUri: string;
  state: string | undefined;
}
