import { Controller, Get, Inject } from '@nestjs/common';
import type { ResourceApiConfig } from '@oauth/config';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import { Principal, RequireToken, type AccessTokenPrincipal } from '@oauth/resource-server';
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
      // The token's `sub`, under this name since the first release: the client under client_credentials, else the user.
      clientId: principal.subject,
      permissions: formatPermissions(principal.scopes, this.config.tokens.audience),
    };
  }
}
