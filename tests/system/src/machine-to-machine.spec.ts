import { randomBytes } from 'node:crypto';
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
const METRICS_TOKEN = randomBytes(16).toString('hex');
/** The resource API's own client, for the deny-list feed. */
const FEED_SECRET = randomBytes(32).toString('base64url');

describe('the three services on one Postgres, client-credentials flow end to end', () => {
  let database: TestDatabase;
  const services: ServiceProcess[] = [];
  let authServer: ServiceProcess;
  let resourceApi: ServiceProcess;
  let clientApi: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('system');
    const [authPort, resourcePort, clientPort] = [await freePort(), await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${authPort}`;
    const common = { NODE_ENV: 'production', DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    authServer = await startService('auth-server', authPort, {
      ...common,
      AUTH_SERVER_PORT: String(authPort),
      ISSUER: issuer,
      METRICS_TOKEN: METRICS_TOKEN,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      CLIENTS: await declaredClientsSetting([
        {
          clientId: CLIENT_ID,
          secret: CLIENT_SECRET,
          grantTypes: ['client_credentials', 'refresh_token'],
          scope: 'other.read other.write server.admin',
        },
        { clientId: 'other', secret: FEED_SECRET, grantTypes: ['client_credentials'], scope: 'server.deny-list' },
      ]),
    });
    services.push(authServer);
    resourceApi = await startService('resource-api', resourcePort, {
      ...common,
      RESOURCE_API_PORT: String(resourcePort),
      ISSUER: issuer,
      DENY_LIST_CLIENT_SECRET: FEED_SECRET,
    });
    services.push(resourceApi);
    clientApi = await startService('client-api', clientPort, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      CLIENT_API_PORT: String(clientPort),
      AUTH_SERVER_URL: issuer,
      RESOURCE_API_URL: resourceApi.url,
      CLIENT_ID,
      CLIENT_SECRET,
      CLIENT_SCOPES: 'other.read other.write',
    });
    services.push(clientApi);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
  });

  const tokenUrl = () => `${authServer.url}/token`;
  const refresh = (refreshToken: string) =>
    postToken(tokenUrl(), CLIENT_ID, CLIENT_SECRET, { grant_type: 'refresh_token', refresh_token: refreshToken });

  it('client-api GET /other/user returns who called with which permissions', async () => {
    const answer = await getJson(`${clientApi.url}/other/user`);
    expect(answer).toEqual({ status: 200, body: { clientId: 'client', permissions: 'read,write' } });
  });

  it('a refresh rotates the refresh token, and the refreshed access token works at the resource API', async () => {
    const issued = await postToken(tokenUrl(), CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'client_credentials',
      scope: 'other.read other.write',
    });
    expect(issued.status).toBe(200);
    const refreshed = await refresh(issued.body['refresh_token'] as string);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).not.toBe(issued.body['refresh_token']);

    const user = await getJson(`${resourceApi.url}/user`, {
      authorization: `Bearer ${refreshed.body['access_token'] as string}`,
    });
    expect(user).toEqual({ status: 200, body: { clientId: 'client', permissions: 'read,write' } });

    const oldAgain = await refresh(issued.body['refresh_token'] as string);
    expect(oldAgain).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: expect.any(String) } });
  });

  it('reusing a rotated refresh token kills the family (RFC 9700 §4.14.2)', async () => {
    const issued = await postToken(tokenUrl(), CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'client_credentials',
      scope: 'other.read',
    });
    const first = issued.body['refresh_token'] as string;
    const second = (await refresh(first)).body['refresh_token'] as string;

    expect((await refresh(first)).body['error']).toBe('invalid_grant');
    const afterTheft = await refresh(second);
    expect(afterTheft).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.any(String) },
    });
  });

  it('a token of the other audience is refused at the resource API', async () => {
    const adminToken = await postToken(tokenUrl(), CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'client_credentials',
      scope: 'server.admin',
    });
    const response = await fetch(`${resourceApi.url}/user`, {
      headers: { authorization: `Bearer ${adminToken.body['access_token'] as string}` },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('exposes Prometheus metrics in production only to the holder of the metrics token', async () => {
    const scrape = await fetch(`${authServer.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toMatch(
      /http_requests_total\{method="POST",route="\/token",status="200",service="auth-server"\} \d+/,
    );
    expect((await fetch(`${authServer.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${clientApi.url}/metrics`)).status).toBe(404);
  });

  it('logs no secret and no token', async () => {
    await getJson(`${clientApi.url}/other/user`);
    for (const service of services) {
      expect(service.output()).not.toContain(CLIENT_SECRET);
      expect(service.output()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    }
  });
});
