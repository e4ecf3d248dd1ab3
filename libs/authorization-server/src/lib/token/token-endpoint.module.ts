import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { AuthorizationCodeGrant } from './grants/authorization-code.grant';
import { ClientCredentialsGrant } from './grants/client-credentials.grant';
import { GRANTS, type Grant } from './grants/grant';
import { RefreshTokenGrant } from './grants/refresh-token.grant';
import { supportedGrants } from './grants/supported-grants';
import { TokenController } from './token.controller';
import { TokenModule } from './token.module';

/** RFC 6749 §3.2: the token endpoint with the built-in grants and the extension grants; exports GRANTS. */
@Module({})
export class TokenEndpointModule {
  static register(extensionGrants: readonly Type<Grant>[] = []): DynamicModule {
    return {
      module: TokenEndpointModule,
      imports: [TokenModule, ClientAuthModule],
      controllers: [TokenController],
      providers: [
        ...extensionGrants,
        {
          provide: GRANTS,
          inject: [
            AUTH_SERVER_CONFIG,
            AuthorizationCodeGrant,
            ClientCredentialsGrant,
            RefreshTokenGrant,
            ...extensionGrants,
          ],
          useFactory: (config: AuthServerConfig, ...grants: Grant[]) =>
            supportedGrants(grants.slice(0, 3), grants.slice(3), config.declaredClients),
        },
      ],
      exports: [GRANTS],
    };
  }
}
