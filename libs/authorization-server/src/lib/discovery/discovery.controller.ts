import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientRepository } from '../clients/client.repository';
import { authorizationServerMetadata } from './authorization-server-metadata';
import { MetadataOpenApi } from './discovery.openapi';

/** RFC 8414 §3 metadata, also served at the OpenID Connect discovery path. */
@Controller('.well-known')
@ApiTags('discovery')
export class DiscoveryController {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clients: ClientRepository,
  ) {}

  @Get('oauth-authorization-server')
  @MetadataOpenApi('Authorization server metadata (RFC 8414)')
  @Header('Cache-Control', 'public, max-age=300')
  async oauthAuthorizationServer() {
    return authorizationServerMetadata(this.config, await this.clients.listScopes());
  }

  @Get('openid-configuration')
  @MetadataOpenApi('The same metadata at the OpenID Connect discovery path')
  @Header('Cache-Control', 'public, max-age=300')
  async openidConfiguration() {
    return authorizationServerMetadata(this.config, await this.clients.listScopes());
  }
}
