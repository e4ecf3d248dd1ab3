import type { NestFastifyApplication } from '@nestjs/platform-fastify';
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
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready while the upstream services are down: their outage shows per request, as a 502', async () => {
    const running = await startApp(
      testConfig({ AUTH_SERVER_URL: 'http://127.0.0.1:9', RESOURCE_API_URL: 'http://127.0.0.1:9' }),
    );
    app = running.app;

    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${running.url}/other/user`)).status).toBe(502);
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
