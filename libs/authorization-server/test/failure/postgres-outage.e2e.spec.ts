import { startThrowawayPostgres, type ThrowawayPostgres } from '@oauth/testing';
import { basic, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

/** The answer the issue demands while Postgres is down must come within two seconds, not after a hang. */
const OUTAGE_ANSWER_BOUND_MS = 2_000;

describe('Postgres outage at the token endpoint', () => {
  let postgres: ThrowawayPostgres;
  let server: RunningAuthServer;

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    server = await startAuthServer(
      [
        {
          clientId: 'svc',
          secret: 'svc-secret',
          grantTypes: ['client_credentials', 'refresh_token'],
          scope: 'other.read',
        },
      ],
      { CLIENT_SECRET_CACHE_TTL: '300' },
      { url: postgres.url, drop: async () => undefined },
    );
  }, 60_000);

  afterAll(async () => {
    await postgres.start().catch(() => undefined);
    await server?.close();
    await postgres?.destroy();
  });

  const requestToken = () =>
    fetch(`${server.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('svc', 'svc-secret') },
      body: 'grant_type=client_credentials&scope=other.read',
      signal: AbortSignal.timeout(OUTAGE_ANSWER_BOUND_MS),
    });

  it('is ready while Postgres answers', async () => {
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, signing_key: { status: 'up' } },
    });
  });

  it('issues tokens, answers 503 with Retry-After and nothing issued while Postgres is down, and resumes without a restart', async () => {
    expect((await requestToken()).status).toBe(200);

    await postgres.stop();
    const during = await requestToken();
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(during.headers.get('cache-control')).toBe('no-store');
    expect(await during.json()).toEqual({
      error: 'server_error',
      error_description: 'The service is temporarily unavailable',
    });
    const live = await fetch(`${server.url}/health/live`);
    expect(live.status).toBe(200);
    const notReady = await fetch(`${server.url}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(notReady.headers.get('retry-after')).toBe('5');
    expect(await notReady.json()).toMatchObject({
      status: 'error',
      error: { database: { status: 'down' } },
      info: { signing_key: { status: 'up' } },
    });

    await postgres.start();
    let after = await requestToken().catch(() => undefined);
    for (let attempt = 0; attempt < 20 && after?.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await requestToken().catch(() => undefined);
    }
    expect(after?.status).toBe(200);
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    const body = (await after?.json()) as Record<string, unknown>;
    expect(body['refresh_token']).toEqual(expect.any(String));
  }, 60_000);
});
