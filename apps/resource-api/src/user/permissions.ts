import type { ScopeSet } from '@oauth/scopes';

/** The permissions a token grants on one audience, comma-joined in token order: `other.read other.write` → `read,write`. */
export function formatPermissions(scopes: ScopeSet, audience: string): string {
  return scopes.permissionsFor(audience).join(',');
}
