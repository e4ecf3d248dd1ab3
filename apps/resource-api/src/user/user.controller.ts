import { Controller, Get, Inject } from '@nestjs/common';
import type { ResourceApiConfig } from '@oauth/config';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import { Principal, RequireToken, type AccessTokenPrincipal } from '@oauth/resource-server';
import { formatPermissions } from './permissions';
import { UserOpenApi } from './user.openapi';

export interface UserResponse {
  clientId: string;
  /** The person the client acts for (the token's `sub`), when it is not the client itself. */
  userId?: string;
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
    // RFC 9068 §2.2: client_id names the client; sub is the client itself under client_credentials, else the user.
    const actsForUser = principal.subject !== principal.clientId;
    return {
      clientId: principal.clientId,
      ...(actsForUser ? { userId: principal.subject } : {}),
      permissions: formatPermissions(principal.scopes, this.config.tokens.audience),
    };
  }
}
