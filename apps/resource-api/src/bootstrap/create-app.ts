import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mountApiDocs } from '@oauth/api-docs';
import { enabledLogLevels, type ResourceApiConfig } from '@oauth/config';
import { REQUEST_ID_ADAPTER_OPTIONS, useStructuredLogging } from '@oauth/logging';
import { MetricsRegistry, registerHttpMetrics } from '@oauth/metrics';
import { AppModule } from '../app/app.module';
import { resourceApiOpenApiDocument } from './resource-api.openapi';

/** Builds the application exactly as production runs it; the caller decides where it listens. */
export async function createApp(config: ResourceApiConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(REQUEST_ID_ADAPTER_OPTIONS);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // Fail with an error the caller handles (main.ts prints one line), never a process.exit inside Nest.
    abortOnError: false,
    logger: enabledLogLevels(config.logLevel),
    // Held until pino takes over, so boot lines are JSON too.
    bufferLogs: true,
  });
  useStructuredLogging(app);
  registerHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  // No enableShutdownHooks(): main.ts shuts down with @oauth/shutdown, which drains the server before Nest's hooks run.
  // CONTRACT.md: GET /docs (OpenAPI) outside production only.
  mountApiDocs(app, {
    production: config.environment === 'production',
    document: resourceApiOpenApiDocument(config),
  });
  return app;
}
