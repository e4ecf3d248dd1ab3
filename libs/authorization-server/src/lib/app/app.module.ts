import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { AuthServerConfig } from '@oauth/config';
import { DatabaseUnavailableInterceptor } from '@oauth/database';
import { LoggingModule } from '@oauth/logging';
import { MetricsModule } from '@oauth/metrics';
import { OAuthErrorFilter } from '@oauth/oauth-errors';
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
import { JwksModule } from '../jwks/jwks.module';
import { KeysModule } from '../keys/keys.module';
import { PurgeModule } from '../purge/purge.module';
import { RevocationModule } from '../revocation/revocation.module';
import { TokenModule } from '../token/token.module';

@Module({})
export class AppModule {
  static forRoot(config: AuthServerConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggingModule.forRoot({ service: 'auth-server', level: config.logLevel }),
        MetricsModule.forRoot({ service: 'auth-server', exposure: config.metrics }),
        DatabaseModule,
        AuditModule,
        ClientsModule,
        TokenModule,
        AuthorizeModule,
        JwksModule,
        KeysModule,
        DiscoveryModule,
        DemoModule,
        ClientsAdminModule,
        DenyListModule,
        AdminModule,
        RevocationModule,
        IntrospectionModule,
        PurgeModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: AUTH_SERVER_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: OAuthErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: DatabaseUnavailableInterceptor },
      ],
      exports: [AUTH_SERVER_CONFIG],
    };
  }
}
