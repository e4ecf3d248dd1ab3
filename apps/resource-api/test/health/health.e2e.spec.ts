import { startThrowawayPostgres, type ThrowawayPostgres } from '@oauth/testing';
import request from 'supertest';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';

describe('GET /health/live', () => {
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    jwks = await startFakeJwksServer([]);
    api = await startResourceApi(jwks.url);
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  it('answers ok without a token', async () => {
    const response = await request(api.url).get('/health/live');
    expect(response.status).toBe(200);
    // The @nestjs/terminus report of no checks at all.
    expect(response.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('has no /api prefix and answers unknown paths with a JSON 404', async () => {
    const response = await request(api.url).get('/api/health/live');
    expect(response.status).toBe(404);
    expect(response.body.error).toBe('not_found');
  });
});

describe('GET /health/ready while Postgres is down', () => {
  let postgres: ThrowawayPostgres;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    jwks = await startFakeJwksServer([]);
    api = await startResourceApi(jwks.url, { DATABASE_URL: postgres.url });
  }, 60_000);

  afterAll(async () => {
    await postgres?.start().catch(() => undefined);
    await api?.stop();
    await jwks?.close();
    await postgres?.destroy();
  });

  it('answers 503 with Retry-After while Postgres is down (also for reads that need it), stays live, and is ready again once it is back', async () => {
    expect((await request(api.url).get('/health/ready')).status).toBe(200);

    await postgres.stop();
    const notReady = await request(api.url).get('/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.headers['retry-after']).toBe('5');
    expect(notReady.body.status).toBe('error');
    expect(notReady.body.error).toEqual({ database: { status: 'down' } });
    // No deny-list feed in tests: token verification itself stays up.
    expect(notReady.body.details.resource_server).toEqual({
      status: 'up',
      key_set: 'not_fetched',
      deny_list: 'disabled',
    });
    expect((await request(api.url).get('/health/live')).status).toBe(200);
    // A read that needs the database: a retryable 503, not a 500 (the request itself was fine).
    const items = await request(api.url).get('/items');
    expect(items.status).toBe(503);
    expect(items.headers['retry-after']).toBe('5');
    expect(items.body).toEqual({ error: 'server_error', error_description: 'The service is temporarily unavailable' });

    await postgres.start();
    let status = 0;
    for (let attempt = 0; attempt < 20 && status !== 200; attempt++) {
      status = (await request(api.url).get('/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
  }, 60_000);
});
