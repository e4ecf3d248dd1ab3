import { hash } from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { createTestDatabase, type TestDatabase, freePort, startService, type ServiceProcess } from '@oauth/testing';
import { getJson } from './support/http';

/** The resource API's own client, for the deny-list feed. */
const FEED_SECRET = randomBytes(32).toString('base64url');

describe('the client API authenticating with private_key_jwt (RFC 7523) at the real auth server', () => {
  let database: TestDatabase;
  const services: ServiceProcess[] = [];
  let clientApi: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('system_pkjwt');
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = 'system-key';
    const [authPort, resourcePort, clientPort] = [await freePort(), await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${authPort}`;
    const common = { NODE_ENV: 'production', DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
    const authServer = await startService('auth-server', authPort, {
      ...common,
      AUTH_SERVER_PORT: String(authPort),
      ISSUER: issuer,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      CLIENTS: JSON.stringify([
        {
          client_id: 'keyed',
          token_endpoint_auth_method: 'private_key_jwt',
          jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig' }] },
          token_endpoint_auth_signing_alg: 'ES256',
          grant_types: ['client_credentials'],
          scope: 'other.read',
        },
        {
          client_id: 'other',
          client_secret_hash: await hash(FEED_SECRET, 11),
          grant_types: ['client_credentials'],
          scope: 'server.deny-list',
        },
      ]),
    });
    services.push(authServer);
    const resourceApi = await startService('resource-api', resourcePort, {
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
      CLIENT_ID: 'keyed',
      CLIENT_AUTH_METHOD: 'private_key_jwt',
      CLIENT_PRIVATE_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }),
      CLIENT_SCOPES: 'other.read',
    });
    services.push(clientApi);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
  });

  it('gets a token with a signed assertion and calls the resource API with it', async () => {
    const answer = await getJson(`${clientApi.url}/other/user`);
    expect(answer).toEqual({ status: 200, body: { clientId: 'keyed', permissions: 'read' } });
  });

  it('logs no private key and no assertion', async () => {
    for (const service of services) {
      expect(service.output()).not.toMatch(/"d":/);
      expect(service.output()).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    }
  });
});
