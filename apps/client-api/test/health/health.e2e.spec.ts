import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair } from 'jose';
import { ConfigError } from '@oauth/config';
import { createApp } from '../../src/bootstrap/create-app';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

describe('GET /health/live', () => {
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers 200 without reaching any upstream service', async () => {
    const running = await startApp(
      testConfig({ AUTH_SERVER_URL: 'http://127.0.0.1:9', RESOURCE_API_URL: 'http://127.0.0.1:9' }),
    );
    app = running.app;

    const response = await fetch(`${running.url}/health/live`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('is ready while the upstream services are down: their outage shows per request, as a 502', async () => {
    const running = await startApp(
      testConfig({ AUTH_SERVER_URL: 'http://127.0.0.1:9', RESOURCE_API_URL: 'http://127.0.0.1:9' }),
    );
    app = running.app;

    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ok',
      info: { client_credentials: { status: 'up' } },
      error: {},
      details: { client_credentials: { status: 'up' } },
    });
    expect((await fetch(`${running.url}/other/user`)).status).toBe(502);
  });

  it('is not ready in development until the auth server wrote the demo credentials: 503 with Retry-After', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'client-api-health-'));
    try {
      const running = await startApp(
        testConfig({ NODE_ENV: 'development', LOG_LEVEL: 'fatal', CLIENT_SECRET: undefined, DATA_DIR: dataDir }),
      );
      app = running.app;

      const before = await fetch(`${running.url}/health/ready`);
      expect(before.status).toBe(503);
      expect(before.headers.get('retry-after')).toBe('5');
      const down = {
        status: 'down',
        message: `No demo credentials at ${join(dataDir, 'demo-credentials.json')} yet: start the auth server first, or set CLIENT_SECRET`,
      };
      expect(await before.json()).toEqual({
        status: 'error',
        info: {},
        error: { client_credentials: down },
        details: { client_credentials: down },
      });
      // Liveness does not depend on it.
      expect((await fetch(`${running.url}/health/live`)).status).toBe(200);

      await writeFile(
        join(dataDir, 'demo-credentials.json'),
        JSON.stringify({ client_id: 'client', client_secret: 'generated' }),
      );
      const after = await fetch(`${running.url}/health/ready`);
      expect(after.status).toBe(200);
      expect(after.headers.get('retry-after')).toBeNull();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('is ready with private_key_jwt, which needs no secret', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const running = await startApp(
      testConfig({
        NODE_ENV: 'development',
        CLIENT_SECRET: undefined,
        DATA_DIR: join(tmpdir(), 'client-api-health-no-such-dir'),
        CLIENT_AUTH_METHOD: 'private_key_jwt',
        CLIENT_PRIVATE_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), alg: 'ES256', kid: 'k' }),
      }),
    );
    app = running.app;

    expect((await fetch(`${running.url}/health/ready`)).status).toBe(200);
  });

  it('answers unknown paths with a JSON 404, not the generated /api prefix', async () => {
    const running = await startApp(testConfig({}));
    app = running.app;

    const response = await fetch(`${running.url}/api/health/live`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', error_description: 'Cannot GET /api/health/live' });
  });
});

describe('createApp', () => {
  it('refuses to build without a client secret outside development', async () => {
    await expect(createApp(testConfig({ CLIENT_SECRET: '' }))).rejects.toThrow(
      new ConfigError('Invalid configuration: CLIENT_SECRET: is required outside development'),
    );
  });
});
