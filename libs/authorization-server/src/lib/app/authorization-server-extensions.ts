import type { Type } from '@nestjs/common';
import type { AccessTokenClaimsHook } from '../token/access-token-claims.hook';
import type { ClientRegistry } from '../clients/client-registry';
import type { Grant } from '../token/grants/grant';
import type { ScopePolicy } from '../token/scope-policy';

/**
 * The seams of the authorization server, each optional; with none given it behaves exactly as `apps/auth-server`.
 * A class given instead of an instance is instantiated by Nest, so it may inject TypeORM's DataSource; grant classes
 * may also inject the TokenIssuer, the ScopePolicy and the ClientRegistry. See docs/extending.md.
 */
export interface AuthorizationServerExtensions {
  /** Adds claims to every access token; registered claims can never be replaced (RFC 9068 §2.2). */
  accessTokenClaims?: AccessTokenClaimsHook;
  /**
   * Where clients are looked up instead of the Postgres registry. With it, `/clients` is not mounted, `CLIENTS`
   * must be empty and no development demo client or user is created.
   */
  clientRegistry?: ClientRegistry | Type<ClientRegistry>;
  /** Extension grants (RFC 6749 §4.5), `@Injectable()` classes; none may take a built-in grant's type. */
  grants?: Type<Grant>[];
  /** Replaces the `audience.permission` scope policy (AudienceScopePolicy). */
  scopePolicy?: ScopePolicy | Type<ScopePolicy>;
}

const KNOWN: readonly string[] = ['accessTokenClaims', 'clientRegistry', 'grants', 'scopePolicy'];

/** Checks the extensions before anything boots; a typo such as `clientStore` would otherwise be ignored silently. */
export function checkExtensions(extensions: AuthorizationServerExtensions): void {
  const unknown = Object.keys(extensions).filter((name) => !KNOWN.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown authorization server extensions: ${unknown.join(', ')} (known: ${KNOWN.join(', ')})`);
  }
  const { accessTokenClaims, clientRegistry, grants, scopePolicy } = extensions;
  if (accessTokenClaims !== undefined && typeof accessTokenClaims !== 'function') {
    throw new Error('extensions.accessTokenClaims must be a function');
  }
  if (grants !== undefined && (!Array.isArray(grants) || grants.some((grant) => typeof grant !== 'function'))) {
    throw new Error('extensions.grants must be an array of grant classes');
  }
  checkInstanceOrClass('clientRegistry', clientRegistry, 'findById');
  checkInstanceOrClass('scopePolicy', scopePolicy, 'grant');
}

function checkInstanceOrClass(name: string, value: unknown, method: string): void {
  if (value === undefined || typeof value === 'function') return;
  if (typeof value !== 'object' || value === null || typeof (value as Record<string, unknown>)[method] !== 'function') {
    throw new Error(`extensions.${name} must be a class or an object with a ${method} method`);
  }
}
