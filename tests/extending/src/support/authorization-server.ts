import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';

/** An authorization server built by one of the examples, listening on a loopback port. */
export interface RunningAuthorizationServer {
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The environment of a test run: a fresh database, a throwaway data folder, a key-encryption key. */
export async function testEnvironment(
  env: Record<string, string> = {},
): Promise<{ env: NodeJS.ProcessEnv; database: TestDatabase; cleanUp(): Promise<void> }> {
  const database = await createTestDatabase('extending');
  const dataDir = await mkdtemp(join(tmpdir(), 'extending-'));
  return {
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      ...env,
    },
    database,
    async cleanUp() {
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Boots what `create` builds (an example's createAuthorizationServer) against a fresh database. */
export async function startAuthorizationServer(
  create: (env: NodeJS.ProcessEnv) => Promise<NestFastifyApplication>,
  env: Record<string, string> = {},
): Promise<RunningAuthorizationServer> {
  const environment = await testEnvironment(env);
  let app: NestFastifyApplication;
  try {
    app = await create(environment.env);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await environment.cleanUp();
    throw error;
  }
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    database: environment.database,
    async close() {
      await app.close();
      await environment.cleanUp();
    },
  };
}
