import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { ResourceApiConfig } from '@oauth/config';
import { LoggingModule } from '@oauth/logging';
import { MetricsModule } from '@oauth/metrics';
import { ResourceServerModule } from '@oauth/resource-server';
import { DatabaseModule } from '../database/database.module';
import { HealthController } from '../health/health.controller';
import { DatabaseAwareErrorFilter, PostgresHealthIndicator } from '@oauth/database';
import { ItemsModule } from '../items/items.module';
import { UserController } from '../user/user.controller';
import { RESOURCE_API_CONFIG } from './resource-api-config.token';
import { toResourceServerOptions } from './resource-server.options';

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
        // A failed readiness probe is no news: the deny-list poller and the database-aware error filter log the cause once.
        TerminusModule.forRoot({ logger: false }),
        DatabaseModule,
        ResourceServerModule.forRootAsync({
          inject: [RESOURCE_API_CONFIG],
          useFactory: toResourceServerOptions,
        }),
        ItemsModule,
      ],
      controllers: [HealthController, UserController],
      providers: [
        { provide: RESOURCE_API_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: DatabaseAwareErrorFilter },
        PostgresHealthIndicator,
      ],
      exports: [RESOURCE_API_CONFIG],
    };
  }
}
