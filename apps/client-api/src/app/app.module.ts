import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { ClientApiConfig } from '@oauth/config';
import { LoggingModule } from '@oauth/logging';
import { MetricsModule } from '@oauth/metrics';
import { OAuthErrorFilter } from '@oauth/oauth-errors';
import { CLOCK, systemClock } from '../clock/clock';
import { AuthServerAdminClient } from '../console/auth-server-admin.client';
import { ConsoleController } from '../console/console.controller';
import { RoleTokenStore } from '../console/role-token.store';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import { ClientCredentialsSource } from '../credentials/client-credentials.source';
import { BrowserSessionStore } from '../browser-session/browser-session.store';
import { ClientCredentialsHealthIndicator } from '../health/client-credentials.health';
import { HealthController } from '../health/health.controller';
import { HomeController } from '../home/home.controller';
import { UserTokenProvider } from '../home/user-token.provider';
import { OAuthLoginController } from '../oauth/oauth-login.controller';
import { OtherUserController } from '../other/other-user.controller';
import { ResourceApiClient } from '../other/resource-api.client';
import { TokenEndpointClient } from '../token/token-endpoint.client';
import { TokenProvider } from '../token/token-provider';

@Module({})
export class AppModule {
  static forRoot(config: ClientApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot({ service: 'client-api', level: config.logLevel }),
        MetricsModule.forRoot({ service: 'client-api', exposure: config.metrics }),
        TerminusModule,
      ],
      controllers: [HealthController, OtherUserController, HomeController, OAuthLoginController, ConsoleController],
      providers: [
        { provide: CLIENT_API_CONFIG, useValue: config },
        { provide: CLOCK, useValue: systemClock },
        { provide: APP_FILTER, useClass: OAuthErrorFilter },
        ClientCredentialsSource,
        TokenEndpointClient,
        TokenProvider,
        ResourceApiClient,
        BrowserSessionStore,
        UserTokenProvider,
        RoleTokenStore,
        AuthServerAdminClient,
        ClientCredentialsHealthIndicator,
      ],
    };
  }
}
