import type { ScopeSet } from '@oauth/scopes';
import type { RegisteredClient } from '../clients/registered-client';

/** Scopes a token will carry, and the one audience they name (its `aud`). */
export interface GrantedScope {
  scopes: ScopeSet;
  audience: string;
}

/** What a scope policy decides on. */
export interface ScopeRequest {
  /** The `scope` parameter as the client sent it; undefined when it was omitted (RFC 6749 §3.3). */
  requested: string | undefined;
  /** The client the scopes would be granted to: authenticated at the token endpoint, named at /authorize. */
  client: RegisteredClient;
  /** `client_credentials`, `authorization_code` (asked at the authorization endpoint) or an extension grant's type. */
  grantType: string;
}

/**
 * The rule that turns requested scopes into granted scopes and the one audience of the token (RFC 6749 §3.3).
 * Asked by the client-credentials grant, by the authorization endpoint, and by extension grants that choose to.
 * A refresh never asks it: RFC 6749 §6 only lets a refresh narrow what was granted before.
 *
 * The default is {@link AudienceScopePolicy}. Replace it with `extensions.scopePolicy`; refuse a request by throwing
 * `invalidScope(description)` from `@oauth/oauth-errors`. What it returns is what the token carries, so a policy
 * is trusted to grant only what the client may have.
 */
export abstract class ScopePolicy {
  abstract grant(request: ScopeRequest): GrantedScope | Promise<GrantedScope>;
}
