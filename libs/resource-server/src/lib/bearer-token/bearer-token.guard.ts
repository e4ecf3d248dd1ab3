import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { missingToken } from '@oauth/oauth-errors';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';
import type { AccessTokenPrincipal } from './access-token-principal';
import { BEARER_TOKEN_STRATEGY } from './bearer-token.strategy';
import { ScopeGuard } from './scope.guard';

/**
 * Requires a valid bearer token (RFC 6750, RFC 9068) and every scope `RequireScopes()` names for the
 * route; puts the token's AccessTokenPrincipal on `request.user`. Applied by `RequireToken()` and
 * `RequireScopes()`, which also render its errors as RFC 6750 §3 challenges.
 */
@Injectable()
export class BearerTokenGuard extends AuthGuard(BEARER_TOKEN_STRATEGY) {
  constructor(
    @Inject(RESOURCE_SERVER_OPTIONS) private readonly options: ResolvedResourceServerOptions,
    private readonly scopes: ScopeGuard,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // AuthGuard's canActivate is async: it resolves once the strategy has set request.user, or throws.
    await (super.canActivate(context) as Promise<boolean>);
    return this.scopes.canActivate(context);
  }

  /**
   * The strategy throws the RFC 6750 §3 error to answer with; pass it on unchanged, and never
   * passport's bare UnauthorizedException, which would lack the Bearer challenge.
   */
  override handleRequest<TUser = AccessTokenPrincipal>(error: unknown, principal: TUser | false | null): TUser {
    if (error) throw error;
    if (!principal) throw missingToken(this.options.realm);
    return principal;
  }
}
