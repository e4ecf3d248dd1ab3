import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { registerRequestLogging } from './request-context';
import { createRootLogger, ROOT_LOGGER, type LoggingOptions } from './root-logger';

/**
 * Structured JSON logs for one service (nestjs-pino). Every Nest `Logger` call goes through pino once
 * `useStructuredLogging` has run, and lines logged while serving a request carry its `request_id`.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const root = createRootLogger(options);
    return {
      module: LoggingModule,
      global: true,
      imports: [
        // No per-route middleware (forRoutes: []): the request context comes from the Fastify hooks of
        // registerRequestLogging, which also cover requests that never reach a route.
        LoggerModule.forRoot({ pinoHttp: { logger: root }, useExisting: true, forRoutes: [] }),
      ],
      providers: [{ provide: ROOT_LOGGER, useValue: root }],
      exports: [ROOT_LOGGER],
    };
  }
}

/**
 * Call in `createApp` right after `NestFactory.create(…, { bufferLogs: true })`: routes Nest's logger (and the
 * lines buffered while the app was built) to pino, and gives every request its id and logger.
 */
export function useStructuredLogging(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  registerRequestLogging(app.getHttpAdapter().getInstance(), app.get<PinoLogger>(ROOT_LOGGER));
}
