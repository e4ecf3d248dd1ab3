import { Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ResourceApiClient } from '../other/resource-api.client';
import { AuthServerAdminClient, type AdminAnswer } from './auth-server-admin.client';
import {
  AdminActionOpenApi,
  BLACKLIST_ANSWER,
  REVOKE_KEY_ANSWER,
  RoleInfoOpenApi,
  RoleLoginOpenApi,
  ROTATE_KEY_ANSWER,
} from './console.openapi';
import { RolePipe, type Role } from './role';
import { RoleTokenStore, type RoleLogin } from './role-token.store';

/**
 * The operator's console of the series: log a role in, look at what the resource API says about it,
 * and drive the auth server's operator endpoints with the admin role's `server.admin` token.
 */
@Controller()
@ApiTags('console')
export class ConsoleController {
  constructor(
    private readonly roles: RoleTokenStore,
    private readonly resourceApi: ResourceApiClient,
    private readonly authServer: AuthServerAdminClient,
  ) {}

  @Get(':role/login')
  @RoleLoginOpenApi()
  @Header('Cache-Control', 'no-store')
  login(@Param('role', RolePipe) role: Role): Promise<RoleLogin> {
    return this.roles.login(role);
  }

  @Get(':role/info')
  @RoleInfoOpenApi()
  async info(@Param('role', RolePipe) role: Role, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const answer = await this.resourceApi.getWithToken('/user', await this.roles.tokenFor(role, 'other'));
    void reply.status(answer.status);
    return answer.body;
  }

  /** Deny-lists the user role's resource-API token; `GET /user/info` is refused afterwards. */
  @Post('admin/blacklist')
  @AdminActionOpenApi("Deny-lists the user role's resource-API token at the auth server", BLACKLIST_ANSWER)
  @HttpCode(200)
  async blacklist(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const token = await this.roles.tokenFor('user', 'other');
    return this.pass(reply, await this.authServer.post('/blacklist', await this.adminToken(), { token }));
  }

  @Post('admin/rotate-key')
  @AdminActionOpenApi('Rotates the signing key at the auth server', ROTATE_KEY_ANSWER)
  @HttpCode(200)
  async rotateKey(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    return this.pass(reply, await this.authServer.post('/rotate-key', await this.adminToken()));
  }

  @Post('admin/revoke-key/:kid')
  @AdminActionOpenApi('Revokes a signing key at the auth server', REVOKE_KEY_ANSWER)
  @ApiParam({ name: 'kid', description: 'The `kid` of a key in the JWKS.' })
  @HttpCode(200)
  async revokeKey(@Param('kid') kid: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const path = `/revoke-key/${encodeURIComponent(kid)}`;
    return this.pass(reply, await this.authServer.post(path, await this.adminToken()));
  }

  private adminToken(): Promise<string> {
    return this.roles.tokenFor('admin', 'server');
  }

  private pass(reply: FastifyReply, answer: AdminAnswer): unknown {
    void reply.status(answer.status);
    return answer.body;
  }
}
