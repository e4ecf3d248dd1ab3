import { Injectable } from '@nestjs/common';
import { invalidScope } from '@oauth/oauth-errors';
import { ScopeSet, ScopeSyntaxError } from '@oauth/scopes';
import { ScopePolicy, type GrantedScope, type ScopeRequest } from './scope-policy';

/**
 * The default scope policy, the `audience.permission` rule: every requested scope must be allowed for the client
 * and all of them must name one audience, which becomes the token's `aud`. RFC 6749 §3.3 lets a server refuse an
 * omitted scope, which it does: a default would silently pick an audience for the client.
 */
@Injectable()
export class AudienceScopePolicy extends ScopePolicy {
  grant({ requested, client }: ScopeRequest): GrantedScope {
    if (requested === undefined) throw invalidScope('The scope parameter is required');
    const scopes = this.parse(requested);
    const notAllowed = scopes.values().filter((scope) => !client.allowedScopes.has(scope));
    if (notAllowed.length > 0) throw invalidScope(`The client may not request ${notAllowed.join(' ')}`);
    const audiences = scopes.audiences();
    if (audiences.length !== 1) throw invalidScope('The requested scopes must name exactly one audience');
    return { scopes, audience: audiences[0] };
  }

  private parse(requested: string): ScopeSet {
    try {
      return ScopeSet.parse(requested);
    } catch (error) {
      if (error instanceof ScopeSyntaxError) throw invalidScope(error.message);
      throw error;
    }
  }
}
