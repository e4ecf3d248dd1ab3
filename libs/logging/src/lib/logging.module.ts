import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger, LoggerModule } from 'nestjs-pino';
import { httpLoggerOptions, type LoggingOptions } from './http-logger.options';
import { registerRequestContext } from './request-context';

/**
 * Structured JSON logs for one service (nestjs-pino). Every Nest `Logger` call goes through pino once
 * `useStructuredLogging` has run, and lines logged while serving a request carry its `request_id`.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: httpLoggerOptions(options) })],
    };
  }
}

/**
 * Call in `createApp` right after `NestFactory.create(…, { bufferLogs: true })`: routes Nest's logger (and the
 * lines buffered while the app was built) to pino, and tracks the request being served.
 */
export function useStructuredLogging(app: NestFastifyApplication): void {
  app.useLogger(app.get(Logger));
  registerRequestContext(app.getHttpAdapter().getInstance());
}
