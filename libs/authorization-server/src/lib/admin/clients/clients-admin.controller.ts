import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Put, UseGuards } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../../config/auth-server-config.token';
import { ServerAdminOpenApi } from '../admin.openapi';
import { ServerAdminGuard } from '../server-admin.guard';
import { parseClientMetadata, type ClientMetadataPolicy } from './client-metadata.schema';
import { clientRegistrationResponse, withSecret } from './client-registration.response';
import { ClientRegistryService } from './client-registry.service';
import {
  CreateClientOpenApi,
  DeleteClientOpenApi,
  ListClientsOpenApi,
  ReadClientOpenApi,
  RotateClientSecretOpenApi,
  UpdateClientOpenApi,
} from './clients-admin.openapi';

/** Answers carry client secrets or registration details: never cached (RFC 7591 §3.2.1). */
const NO_STORE = ['Cache-Control', 'no-store'] as const;

/**
 * The client registry for operators (scope `server.admin`), in RFC 7591 / RFC 7592 vocabulary. A secret is shown
 * once, in the answer that made it.
 */
@Controller('clients')
@UseGuards(ServerAdminGuard)
@ServerAdminOpenApi('clients')
export class ClientsAdminController {
  private readonly policy: ClientMetadataPolicy;

  constructor(
    private readonly registry: ClientRegistryService,
    @Inject(AUTH_SERVER_CONFIG) config: AuthServerConfig,
  ) {
    this.policy = { requireHttpsJwksUri: config.environment === 'production' };
  }

  @Post()
  @CreateClientOpenApi()
  @Header(...NO_STORE)
  @HttpCode(201)
  async create(@Body() body: unknown) {
    const { client, secret } = await this.registry.create(parseClientMetadata(body, undefined, this.policy));
    const response = clientRegistrationResponse(client);
    return secret === undefined ? response : withSecret(response, secret);
  }

  @Get()
  @ListClientsOpenApi()
  @Header(...NO_STORE)
  async list() {
    return { clients: (await this.registry.list()).map(clientRegistrationResponse) };
  }

  @Get(':clientId')
  @ReadClientOpenApi()
  @Header(...NO_STORE)
  async read(@Param('clientId') clientId: string) {
    return clientRegistrationResponse(await this.registry.read(clientId));
  }

  @Put(':clientId')
  @UpdateClientOpenApi()
  @Header(...NO_STORE)
  async update(@Param('clientId') clientId: string, @Body() body: unknown) {
    await this.registry.read(clientId);
    return clientRegistrationResponse(
      await this.registry.update(clientId, parseClientMetadata(body, clientId, this.policy)),
    );
  }

  @Delete(':clientId')
  @DeleteClientOpenApi()
  @Header(...NO_STORE)
  @HttpCode(204)
  async delete(@Param('clientId') clientId: string): Promise<void> {
    await this.registry.delete(clientId);
  }

  @Post(':clientId/rotate-secret')
  @RotateClientSecretOpenApi()
  @Header(...NO_STORE)
  @HttpCode(200)
  async rotateSecret(@Param('clientId') clientId: string) {
    const { secret, previousSecretExpiresAt } = await this.registry.rotateSecret(clientId);
    return {
      ...withSecret({ client_id: clientId }, secret),
      previous_client_secret_expires_at: Math.floor(previousSecretExpiresAt.getTime() / 1000),
    };
  }
}
