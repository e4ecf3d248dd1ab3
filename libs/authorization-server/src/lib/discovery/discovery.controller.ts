import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientRegistry } from '../clients/client-registry';
import { GRANTS, type Grant } from '../token/grants/grant';
import { authorizationServerMetadata } from './authorization-server-metadata';
import { MetadataOpenApi } from './discovery.openapi';

/** RFC 8414 §3 metadata, also served at the OpenID Connect discovery path. */
@Controller('.well-known')
@ApiTags('discovery')
export class DiscoveryController {
  private readonly grantTypes: string[];

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clients: ClientRegistry,
    @Inject(GRANTS) grants: Grant[],
  ) {
    this.grantTypes = grants.map((grant) => grant.grantType);
  }

  @Get('oauth-authorization-server')
  @MetadataOpenApi('Authorization server metadata (RFC 8414)')
  @Header('Cache-Control', 'public, max-age=300')
  oauthAuthorizationServer() {
    return this.metadata();
  }

  @Get('openid-configuration')
  @MetadataOpenApi('The same metadata at the OpenID Connect discovery path')
  @Header('Cache-Control', 'public, max-age=300')
  openidConfiguration() {
    return this.metadata();
  }

  private async metadata() {
    const scopesSupported = this.clients.listScopes ? await this.clients.listScopes() : undefined;
    return authorizationServerMetadata(this.config, this.grantTypes, scopesSupported);
  }
}
