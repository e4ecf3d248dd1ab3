import type { ScopeSet } from '@oauth/scopes';

/** What the token endpoint needs to know about a client. */
export interface RegisteredClient {
  clientId: string;
  secretHash: string;
  grantTypes: readonly string[];
  /** The scopes the client may be granted. */
  allowedScopes: ScopeSet;
}

/** A client as it is written to the registry. */
export interface ClientRegistration {
  clientId: string;
  secretHash: string;
  grantTypes: readonly string[];
  scope: string;
}
