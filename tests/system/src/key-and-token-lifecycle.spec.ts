import { randomBytes } from 'node:crypto';
import { decodeProtectedHeader } from 'jose';
import {
  createTestDatabase,
  declaredClientsSetting,
  freePort,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@oauth/testing';
import { getJson, postToken } from './support/http';

const CLIENT_ID = 'client';
const CLIENT_SECRET = randomBytes(32).toString('base64url');
const FEED_SECRET = randomBytes(32).toString('base64url');
/** The bound the issue sets for deny-list propagation; the resource API pulls every second here. */
const PROPAGATION_BOUND_MS = 5_000;

const kidOf = (token: string) => decodeProtectedHeader(token).kid as string;

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('key and token lifecycle across two auth-server processes on one Postgres', () => {
  let database: TestDatabase;
  const services: ServiceProcess[] = [];
  let first: ServiceProcess;
  let second: ServiceProcess;
  let resourceApi: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('system_lifecycle');
    const [firstPort, secondPort, resourcePort] = [await freePort(), await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${firstPort}`;
    const authEnv = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      ISSUER: issuer,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      // A rotation every 10 s, the next key published 3 s ahead, keys reloaded every second.
      KEY_ROTATION_INTERVAL: '10',
      JWKS_MAX_AGE: '3',
      KEY_REFRESH_INTERVAL: '1',
      CLIENTS: await declaredClientsSetting([
        {
          clientId: CLIENT_ID,
          secret: CLIENT_SECRET,
          grantTypes: ['client_credentials', 'refresh_token'],
          scope: 'other.read other.write server.admin',
        },
        { clientId: 'other', secret: FEED_SECRET, grantTypes: ['client_credentials'], scope: 'server.deny-list' },
      ]),
    };
    first = await startService('auth-server', firstPort, { ...authEnv, AUTH_SERVER_PORT: String(firstPort) });
    services.push(first);
    second = await startService('auth-server', secondPort, { ...authEnv, AUTH_SERVER_PORT: String(secondPort) });
    services.push(second);
    // The resource API reads keys and deny-list from the second instance; tokens are revoked at the first.
    resourceApi = await startService('resource-api', resourcePort, {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      RESOURCE_API_PORT: String(resourcePort),
      ISSUER: issuer,
      JWKS_URI: `${second.url}/.well-known/jwks.json`,
      JWKS_REFETCH_COOLDOWN: '1',
      JWKS_CACHE_MAX_AGE: '10',
      DENY_LIST_URL: `${second.url}/deny-list`,
      DENY_LIST_CLIENT_SECRET: FEED_SECRET,
      DENY_LIST_POLL_INTERVAL: '1',
    });
    services.push(resourceApi);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
  });

  const issue = async (at: ServiceProcess, scope = 'other.read') => {
    const answer = await postToken(`${at.url}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'client_credentials',
      scope,
    });
    expect(answer.status).toBe(200);
    return { access: answer.body['access_token'] as string, refresh: answer.body['refresh_token'] as string };
  };
  const userStatus = async (token: string) =>
    (await getJson(`${resourceApi.url}/user`, { authorization: `Bearer ${token}` })).status;
  const published = async (at: ServiceProcess) =>
    ((await getJson(`${at.url}/.well-known/jwks.json`)).body['keys'] as { kid: string }[]).map((key) => key.kid);

  it('rotates automatically without loss: earlier tokens keep validating at the resource API, both instances sign with the new key', async () => {
    const before = (await issue(first)).access;
    expect(await userStatus(before)).toBe(200);

    const next = await eventually(async () => (await published(second)).find((kid) => kid !== kidOf(before)));
    const rotated = await eventually(async () => {
      const token = (await issue(first)).access;
      return kidOf(token) === next ? token : undefined;
    });
    expect(await userStatus(rotated)).toBe(200);
    expect(await userStatus(before)).toBe(200);
    // The other instance signs with the same new key.
    await eventually(async () => (kidOf((await issue(second)).access) === next ? true : undefined));
  });

  it('serves an emergency rotation made on one instance from the other', async () => {
    const admin = (await issue(first, 'server.admin')).access;
    const response = await fetch(`${first.url}/rotate-key`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    const { kid } = (await response.json()) as { kid: string };
    await eventually(async () => (kidOf((await issue(second)).access) === kid ? true : undefined));
  });

  it('a refresh-token family revoked on one instance is dead on the other', async () => {
    const { refresh } = await issue(second);
    const revoke = await fetch(`${first.url}/revoke`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token: refresh }).toString(),
    });
    expect(revoke.status).toBe(200);
    const refused = await postToken(`${second.url}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'refresh_token',
      refresh_token: refresh,
    });
    expect(refused).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: expect.any(String) } });
  });

  it('refuses at the resource API, within the propagation bound, a token issued by one instance and deny-listed on the other', async () => {
    const { access } = await issue(second);
    // The emergency rotation above may have made a key the resource API learns only at its next JWKS re-fetch
    // (at most one per JWKS_REFETCH_COOLDOWN): wait until the token is accepted before deny-listing it.
    await eventually(async () => ((await userStatus(access)) === 200 ? true : undefined));
    const admin = (await issue(first, 'server.admin')).access;
    const listed = await fetch(`${first.url}/blacklist`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token: access }),
    });
    expect(listed.status).toBe(200);
    const listedAt = Date.now();
    await eventually(async () => ((await userStatus(access)) === 401 ? true : undefined), PROPAGATION_BOUND_MS * 2);
    expect(Date.now() - listedAt).toBeLessThanOrEqual(PROPAGATION_BOUND_MS);
    const refused = await getJson(`${resourceApi.url}/user`, { authorization: `Bearer ${access}` });
    expect(refused.body['error']).toBe('invalid_token');
  });
});
