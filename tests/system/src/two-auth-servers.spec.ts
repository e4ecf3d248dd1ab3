import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase, freePort, startService, type ServiceProcess } from '@oauth/testing';
import { startAuthServerPair } from './support/auth-server-pair';
import { getJson, postToken } from './support/http';

const CLIENT_ID = 'client';
const CLIENT_SECRET = randomBytes(32).toString('base64url');
/** The resource API's own client, for the deny-list feed. */
const FEED_SECRET = randomBytes(32).toString('base64url');

/** The scaled topology: two auth-server instances on one Postgres, one issuer; any instance serves any request. */
describe('two auth-server instances on one Postgres', () => {
  let database: TestDatabase;
  const services: ServiceProcess[] = [];
  let first: ServiceProcess;
  let second: ServiceProcess;
  let resourceApi: ServiceProcess;
  let clientApi: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('system_scale');
    const issuer = 'https://auth.example.test';
    [first, second] = await startAuthServerPair(database.url, issuer, [
      {
        clientId: CLIENT_ID,
        secret: CLIENT_SECRET,
        grantTypes: ['client_credentials', 'refresh_token'],
        scope: 'other.read other.write',
      },
      { clientId: 'other', secret: FEED_SECRET, grantTypes: ['client_credentials'], scope: 'server.deny-list' },
    ]);
    services.push(first, second);
    const resourcePort = await freePort();
    resourceApi = await startService('resource-api', resourcePort, {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      RESOURCE_API_PORT: String(resourcePort),
      ISSUER: issuer,
      JWKS_URI: `${second.url}/.well-known/jwks.json`,
      DENY_LIST_URL: `${first.url}/deny-list`,
      DENY_LIST_CLIENT_SECRET: FEED_SECRET,
    });
    services.push(resourceApi);
    const clientPort = await freePort();
    clientApi = await startService('client-api', clientPort, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      CLIENT_API_PORT: String(clientPort),
      AUTH_SERVER_URL: first.url,
      RESOURCE_API_URL: resourceApi.url,
      CLIENT_ID,
      CLIENT_SECRET,
    });
    services.push(clientApi);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
  });

  it('publishes the same keys from both instances', async () => {
    const [a, b] = await Promise.all([
      getJson(`${first.url}/.well-known/jwks.json`),
      getJson(`${second.url}/.well-known/jwks.json`),
    ]);
    expect(a.body['keys']).toHaveLength(1);
    expect(a.body).toEqual(b.body);
  });

  it('serves the client-credentials flow end to end with tokens of one instance checked against the keys of the other', async () => {
    expect(await getJson(`${clientApi.url}/other/user`)).toEqual({
      status: 200,
      body: { clientId: 'client', permissions: 'read,write' },
    });
  });

  it('refreshes at the other instance, and a reuse at either kills the family', async () => {
    const issued = await postToken(`${first.url}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'client_credentials',
      scope: 'other.read',
    });
    expect(issued.status).toBe(200);
    const rotated = await postToken(`${second.url}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'refresh_token',
      refresh_token: issued.body['refresh_token'] as string,
    });
    expect(rotated.status).toBe(200);

    const reuse = await postToken(`${first.url}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'refresh_token',
      refresh_token: issued.body['refresh_token'] as string,
    });
    expect(reuse.body['error']).toBe('invalid_grant');
    const afterReuse = await postToken(`${second.url}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'refresh_token',
      refresh_token: rotated.body['refresh_token'] as string,
    });
    expect(afterReuse).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: expect.any(String) },
    });
  });
});
