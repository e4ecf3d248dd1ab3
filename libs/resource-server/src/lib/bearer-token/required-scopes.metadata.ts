/** Metadata key under which RequireScopes stores the scopes ScopeGuard checks. */
export const REQUIRED_SCOPES = 'resource-server:required-scopes';
