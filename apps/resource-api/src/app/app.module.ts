import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { ResourceApiConfig } from '@oauth/config';
import { DatabaseUnavailableInterceptor } from '@oauth/database';
import { LoggingModule } from '@oauth/logging';
import { MetricsModule } from '@oauth/metrics';
import { OAuthErrorFilter } from '@oauth/oauth-errors';
import { BearerTokenModule } from '../bearer-token/bearer-token.module';
import { DatabaseModule } from '../database/database.module';
import { DenyListModule } from '../deny-list/deny-list.module';
import { HealthController } from '../health/health.controller';
import { ItemsModule } from '../items/items.module';
import { UserController } from '../user/user.controller';
import { RESOURCE_API_CONFIG } from './resource-api-config.token';

@Module({})
export class AppModule {
  static forRoot(config: ResourceApiConfig): DynamicModule {
    return {
      module: AppModule,
      // Global so every feature module can inject the one validated config.
      global: true,
      imports: [
        LoggingModule.forRoot({ service: 'resource-api', level: config.logLevel }),
        MetricsModule.forRoot({ service: 'resource-api', exposure: config.metrics }),
        DatabaseModule,
        BearerTokenModule,
        DenyListModule,
        ItemsModule,
      ],
      controllers: [HealthController, UserController],
      providers: [
        { provide: RESOURCE_API_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: OAuthErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: DatabaseUnavailableInterceptor },
      ],
      exports: [RESOURCE_API_CONFIG],
    };
  }
}
