import { Controller, Get, Inject } from '@nestjs/common';
import type { ResourceApiConfig } from '@oauth/config';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import type { AccessTokenPrincipal } from '../bearer-token/access-token-principal';
import { Principal } from '../bearer-token/principal.decorator';
import { RequireToken } from '../bearer-token/require-scopes.decorator';
import { formatPermissions } from './permissions';
import { UserOpenApi } from './user.openapi';

export interface UserResponse {
  clientId: string;
  permissions: string;
}

@Controller('user')
export class UserController {
  constructor(@Inject(RESOURCE_API_CONFIG) private readonly config: ResourceApiConfig) {}

  /** Who is calling and what it may do here. */
  @Get()
  @UserOpenApi()
  @RequireToken()
  user(@Principal() principal: AccessTokenPrincipal): UserResponse {
    return {
      clientId: principal.clientId,
      permissions: formatPermissions(principal.scopes, this.config.tokens.audience),
    };
  }
}
