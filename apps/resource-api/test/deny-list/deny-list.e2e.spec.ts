import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import request from 'supertest';
import { issueAccessToken } from '../support/access-tokens';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';
import { createSigningKey, type TestSigningKey } from '../support/signing-keys';

interface FeedEntry {
  type: 'jti' | 'kid';
  value: string;
  exp: number;
}

/** A stand-in for the auth server's `GET /deny-list`, checking the resource server's Basic credentials. */
async function startFakeFeed() {
  const entries: FeedEntry[] = [];
  const requests: IncomingMessage[] = [];
  let reachable = true;
  const server: Server = createServer((req, res) => {
    requests.push(req);
    if (!reachable) return void res.writeHead(503).end();
    if (req.headers.authorization !== `Basic ${Buffer.from('other:feed-secret').toString('base64')}`) {
      return void res.writeHead(401).end();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ cursor: new Date().toISOString(), entries }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/deny-list`,
    entries,
    requests,
    setReachable: (value: boolean) => (reachable = value),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const waitFor = async (probe: () => Promise<boolean>, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  while (!(await probe())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
};

describe('deny-list enforcement (ADR 0006)', () => {
  let key: TestSigningKey;
  let jwks: FakeJwksServer;
  let feed: Awaited<ReturnType<typeof startFakeFeed>>;
  let api: RunningResourceApi;

  beforeAll(async () => {
    key = await createSigningKey('RS256', 'key-1');
    jwks = await startFakeJwksServer([key.publicJwk]);
  });
  beforeEach(async () => {
    feed = await startFakeFeed();
    api = await startResourceApi(jwks.url, {
      DENY_LIST_URL: feed.url,
      DENY_LIST_CLIENT_SECRET: 'feed-secret',
      DENY_LIST_POLL_INTERVAL: '1',
      DENY_LIST_MAX_STALENESS: '2',
    });
  });
  afterEach(async () => {
    await api.stop();
    await feed.close();
  });
  afterAll(() => jwks.close());

  const getUser = (token: string) => request(api.url).get('/user').set('authorization', `Bearer ${token}`);

  it('refuses a deny-listed jti with 401 invalid_token within the poll bound, and keeps serving other tokens', async () => {
    const token = await issueAccessToken(key);
    const other = await issueAccessToken(key);
    expect((await getUser(token)).status).toBe(200);
    const { jti, exp } = decodeJwt(token);
    feed.entries.push({ type: 'jti', value: jti as string, exp: exp as number });

    // DENY_LIST_POLL_INTERVAL=1: refused within the issue's 5-second bound.
    const elapsed = await waitFor(async () => (await getUser(token)).status === 401, 5_000);
    expect(elapsed).toBeLessThanOrEqual(5_000);
    const refused = await getUser(token);
    expect(refused.body.error).toBe('invalid_token');
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
    expect((await getUser(other)).status).toBe(200);
  });

  it('refuses every token of a revoked kid', async () => {
    const token = await issueAccessToken(key);
    feed.entries.push({ type: 'kid', value: 'key-1', exp: Math.floor(Date.now() / 1000) + 600 });
    await waitFor(async () => (await getUser(token)).status === 401, 5_000);
    expect((await getUser(await issueAccessToken(key))).body.error).toBe('invalid_token');
  });

  it('authenticates to the feed with its client credentials (HTTP Basic)', () => {
    expect(feed.requests.length).toBeGreaterThan(0);
    expect(feed.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('other:feed-secret').toString('base64')}`);
  });

  it('fails closed for mutations and reports not ready when the feed is unreachable too long', async () => {
    const token = await issueAccessToken(key);
    // The @nestjs/terminus report; no token has come yet, so the key set is not fetched.
    const ready = {
      database: { status: 'up' },
      resource_server: { status: 'up', key_set: 'not_fetched', deny_list: 'fresh' },
    };
    expect((await request(api.url).get('/health/ready')).body).toEqual({
      status: 'ok',
      info: ready,
      error: {},
      details: ready,
    });
    feed.setReachable(false);
    await waitFor(async () => (await request(api.url).get('/health/ready')).status === 503, 10_000);
    const notReady = await request(api.url).get('/health/ready');
    expect(notReady.headers['retry-after']).toBe('5');
    const stale = { status: 'down', key_set: 'not_fetched', deny_list: 'stale' };
    expect(notReady.body).toEqual({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { resource_server: stale },
      details: { database: { status: 'up' }, resource_server: stale },
    });

    const write = await request(api.url).post('/items').set('authorization', `Bearer ${token}`).send({ name: 'x' });
    expect(write.status).toBe(503);
    expect(write.body.error).toBe('temporarily_unavailable');
    expect(write.headers['retry-after']).toBe('5');
    // Reads keep working on the last known list.
    expect((await getUser(token)).status).toBe(200);

    feed.setReachable(true);
    await waitFor(async () => (await request(api.url).get('/health/ready')).status === 200, 10_000);
    const retried = await request(api.url).post('/items').set('authorization', `Bearer ${token}`).send({ name: 'x' });
    expect(retried.status).toBe(201);
  });
});
