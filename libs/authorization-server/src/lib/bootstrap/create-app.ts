import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { enabledLogLevels, type AuthServerConfig } from '@oauth/config';
import { REQUEST_ID_ADAPTER_OPTIONS, useStructuredLogging } from '@oauth/logging';
import { MetricsRegistry, registerHttpMetrics } from '@oauth/metrics';
import { AppModule } from '../app/app.module';
import { registerFormBodyParser } from './form-body.parser';

/** Builds the auth server as production runs it; tests call this too. */
export async function createApp(config: AuthServerConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.http.maxBodyBytes, ...REQUEST_ID_ADAPTER_OPTIONS });
  // bodyParser: false keeps Nest from registering its own form parser; ours detects repeats.
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bodyParser: false,
    // Fail with an error the caller handles (main.ts prints one line), never a process.exit inside Nest.
    abortOnError: false,
    logger: enabledLogLevels(config.logLevel),
    // Held until pino takes over, so boot lines are JSON too.
    bufferLogs: true,
  });
  useStructuredLogging(app);
  registerFormBodyParser(app.getHttpAdapter().getInstance(), config.http.maxBodyBytes);
  registerHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  // The login session cookie of the authorization endpoint (authorize/, sessions/).
  await app.register(fastifyCookie);
  app.enableShutdownHooks();
  return app;
}
