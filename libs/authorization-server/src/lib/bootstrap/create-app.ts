import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { mountApiDocs } from '@oauth/api-docs';
import { enabledLogLevels, type AuthServerConfig } from '@oauth/config';
import { REQUEST_ID_ADAPTER_OPTIONS, useStructuredLogging } from '@oauth/logging';
import { MetricsRegistry, registerHttpMetrics } from '@oauth/metrics';
import { AuthorizationServerModule } from '../app/authorization-server.module';
import type { AuthorizationServerExtensions } from '../app/authorization-server-extensions';
import { authServerOpenApiDocument } from './auth-server.openapi';
import { registerFormBodyParser } from './form-body.parser';

/**
 * Builds the authorization server as production runs it (Fastify, its form parser, cookies, metrics), not yet
 * listening; `extensions` fills its seams (docs/extending.md). Rejects, without exiting, when it cannot boot.
 */
export async function createApp(
  config: AuthServerConfig,
  extensions: AuthorizationServerExtensions = {},
): Promise<NestFastifyApplication> {
  const { trustedProxies } = config.http;
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.maxBodyBytes,
    // request.ip comes from X-Forwarded-For only when the peer is a configured proxy (docs/adr/0013).
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
    ...REQUEST_ID_ADAPTER_OPTIONS,
  });
  // bodyParser: false keeps Nest from registering its own form parser; ours detects repeats.
  const app = await NestFactory.create<NestFastifyApplication>(
    AuthorizationServerModule.forRoot(config, extensions),
    adapter,
    {
      bodyParser: false,
      // Fail with an error the caller handles (main.ts prints one line), never a process.exit inside Nest.
      abortOnError: false,
      logger: enabledLogLevels(config.logLevel),
      // Held until pino takes over, so boot lines are JSON too.
      bufferLogs: true,
    },
  );
  useStructuredLogging(app);
  registerFormBodyParser(app.getHttpAdapter().getInstance(), config.http.maxBodyBytes);
  registerHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  // The login session cookie of the authorization endpoint (authorize/, sessions/).
  await app.register(fastifyCookie);
  // No enableShutdownHooks(): main.ts shuts down with @oauth/shutdown, which drains the server before Nest's hooks run.
  // CONTRACT.md: GET /docs (OpenAPI) outside production only.
  mountApiDocs(app, { production: config.environment === 'production', document: authServerOpenApiDocument() });
  return app;
}
