import { Inject, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { ResourceApiConfig } from '@oauth/config';
import { missingToken } from '@oauth/oauth-errors';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import type { AccessTokenPrincipal } from './access-token-principal';
import { BEARER_TOKEN_STRATEGY } from './bearer-token.strategy';

/** Requires a valid bearer token; puts its AccessTokenPrincipal on `request.user`. */
@Injectable()
export class BearerTokenGuard extends AuthGuard(BEARER_TOKEN_STRATEGY) {
  constructor(@Inject(RESOURCE_API_CONFIG) private readonly config: ResourceApiConfig) {
    super();
  }

  /**
   * The strategy throws the RFC 6750 §3 error to answer with; pass it on unchanged, and never
   * passport's bare UnauthorizedException, which would lack the Bearer challenge.
   */
  override handleRequest<TUser = AccessTokenPrincipal>(error: unknown, principal: TUser | false | null): TUser {
    if (error) throw error;
    if (!principal) throw missingToken(this.config.tokens.audience);
    return principal;
  }
}
