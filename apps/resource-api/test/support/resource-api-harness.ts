import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadResourceApiConfig } from '@oauth/config';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap/create-app';
import { AUDIENCE, ISSUER } from './access-tokens';

/** The real app, listening on an ephemeral loopback port, against a fresh database. */
export interface RunningResourceApi {
  url: string;
  app: NestFastifyApplication;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export async function startResourceApi(jwksUri: string, env: Record<string, string> = {}): Promise<RunningResourceApi> {
  const database: TestDatabase = await createTestDatabase('resource_api');
  const config = loadResourceApiConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    ISSUER,
    JWKS_URI: jwksUri,
    RESOURCE_AUDIENCE: AUDIENCE,
    ...env,
  });
  try {
    const app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    return {
      url: await app.getUrl(),
      app,
      dataSource: app.get(DataSource),
      async stop() {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
