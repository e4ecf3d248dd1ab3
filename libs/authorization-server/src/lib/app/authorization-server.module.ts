import { Module, type DynamicModule, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { AuthServerConfig } from '@oauth/config';
import { DatabaseAwareErrorFilter, PostgresHealthIndicator } from '@oauth/database';
import { LoggingModule } from '@oauth/logging';
import { MetricsModule } from '@oauth/metrics';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientsAdminModule } from '../admin/clients/clients-admin.module';
import { AuthorizeModule } from '../authorize/authorize.module';
import { AdminModule } from '../admin/admin.module';
import { AuditModule } from '../audit/audit.module';
import { DatabaseModule } from '../database/database.module';
import { ClientsModule } from '../clients/clients.module';
import { DemoModule } from '../demo/demo.module';
import { DenyListModule } from '../deny-list/deny-list.module';
import { DiscoveryModule } from '../discovery/discovery.module';
import { IntrospectionModule } from '../introspection/introspection.module';
import { HealthController } from '../health/health.controller';
import { SigningKeyHealthIndicator } from '../health/signing-key.health-indicator';
import { JwksModule } from '../jwks/jwks.module';
import { KeysModule } from '../keys/keys.module';
import { PurgeModule } from '../purge/purge.module';
import { RevocationModule } from '../revocation/revocation.module';
import { ACCESS_TOKEN_CLAIMS_HOOK } from '../token/access-token-claims.hook';
import { AudienceScopePolicy } from '../token/audience-scope.policy';
import { ScopePolicy } from '../token/scope-policy';
import { TokenEndpointModule } from '../token/token-endpoint.module';
import { TokenModule } from '../token/token.module';
import { checkExtensions, type AuthorizationServerExtensions } from './authorization-server-extensions';

/**
 * The OAuth 2.1 authorization server: every endpoint, its persistence and its migrations. `extensions` names the
 * seams an app may fill (docs/extending.md); without them the server behaves as `apps/auth-server` runs it.
 */
@Module({})
export class AuthorizationServerModule {
  static forRoot(config: AuthServerConfig, extensions: AuthorizationServerExtensions = {}): DynamicModule {
    checkExtensions(extensions);
    const ownRegistry = extensions.clientRegistry !== undefined;
    if (ownRegistry && config.declaredClients.length > 0) {
      // CLIENTS writes to the Postgres registry, which an app's own registry replaces: they would never be read.
      throw new Error('CLIENTS must be empty when extensions.clientRegistry is given: declare them in that registry');
    }
    const tokenEndpoint = TokenEndpointModule.register(extensions.grants);
    return {
      module: AuthorizationServerModule,
      global: true,
      imports: [
        LoggingModule.forRoot({ service: 'auth-server', level: config.logLevel }),
        MetricsModule.forRoot({ service: 'auth-server', exposure: config.metrics }),
        DatabaseModule,
        AuditModule,
        ClientsModule.forRoot(extensions.clientRegistry),
        TokenModule,
        tokenEndpoint,
        AuthorizeModule,
        JwksModule,
        KeysModule,
        DiscoveryModule.register(tokenEndpoint),
        // The admin API and the demo seeding write to the Postgres registry (docs/adr/0012).
        ...(ownRegistry ? [] : [DemoModule, ClientsAdminModule]),
        DenyListModule,
        AdminModule,
        RevocationModule,
        IntrospectionModule,
        PurgeModule,
        TerminusModule.forRoot({ logger: false }),
      ],
      controllers: [HealthController],
      providers: [
        PostgresHealthIndicator,
        SigningKeyHealthIndicator,
        { provide: AUTH_SERVER_CONFIG, useValue: config },
        { provide: ACCESS_TOKEN_CLAIMS_HOOK, useValue: extensions.accessTokenClaims ?? null },
        instanceOrClass(ScopePolicy, extensions.scopePolicy ?? AudienceScopePolicy),
        { provide: APP_FILTER, useClass: DatabaseAwareErrorFilter },
      ],
      exports: [AUTH_SERVER_CONFIG, ACCESS_TOKEN_CLAIMS_HOOK, ScopePolicy],
    };
  }
}

function instanceOrClass<T>(token: abstract new (...args: never[]) => T, value: T | Type<T>): Provider {
  return typeof value === 'function'
    ? { provide: token, useClass: value as Type<T> }
    : { provide: token, useValue: value };
}
