import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { enabledLogLevels, type ResourceApiConfig } from '@oauth/config';
import { AppModule } from '../app/app.module';

/** Builds the application exactly as production runs it; the caller decides where it listens. */
export async function createApp(config: ResourceApiConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(), {
    logger: enabledLogLevels(config.logLevel),
  });
  app.enableShutdownHooks();
  return app;
}
