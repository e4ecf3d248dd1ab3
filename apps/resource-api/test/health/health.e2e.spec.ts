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
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('has no /api prefix and answers unknown paths with a JSON 404', async () => {
    const response = await request(api.url).get('/api/health/live');
    expect(response.status).toBe(404);
    expect(response.body.error).toBe('not_found');
  });
});
