import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mountApiDocs } from '@oauth/api-docs';
import { enabledLogLevels, type ClientApiConfig } from '@oauth/config';
import { REQUEST_ID_ADAPTER_OPTIONS, useStructuredLogging } from '@oauth/logging';
import { MetricsRegistry, registerHttpMetrics } from '@oauth/metrics';
import { AppModule } from '../app/app.module';
import { clientApiOpenApiDocument } from './client-api.openapi';
import { requireClientSecretOutsideDevelopment } from '../credentials/client-credentials.source';

/** Builds the application exactly as production runs it; `main.ts` and the e2e tests both call this. */
export async function createApp(config: ClientApiConfig): Promise<NestFastifyApplication> {
  // Checked again by the credentials source; here first, so a bad setting fails before Nest logs a stack trace.
  requireClientSecretOutsideDevelopment(config);
  const adapter = new FastifyAdapter(REQUEST_ID_ADAPTER_OPTIONS);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    abortOnError: false,
    logger: enabledLogLevels(config.logLevel),
    // Held until pino takes over, so boot lines are JSON too.
    bufferLogs: true,
  });
  useStructuredLogging(app);
  registerHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  // The browser session of the authorization-code flow (browser-session/).
  await app.register(fastifyCookie);
  // No enableShutdownHooks(): main.ts shuts down with @oauth/shutdown, which drains the server before Nest's hooks run.
  // CONTRACT.md: GET /docs (OpenAPI) outside production only.
  mountApiDocs(app, { production: config.environment === 'production', document: clientApiOpenApiDocument() });
  return app;
}
