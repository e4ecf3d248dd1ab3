import { randomBytes, randomUUID } from 'node:crypto';
import { hash } from 'bcryptjs';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createTestDatabase, type TestDatabase, freePort, startService, type ServiceProcess } from '@oauth/testing';
import { eventuallyRefusesConnections } from './support/connection';
import { HeldJsonServer } from './support/held-json-server';
import { postToken, type JsonAnswer } from './support/http';

/** A promise that also tells whether it has settled yet. */
function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
  let settled = false;
  const watched = promise.finally(() => (settled = true));
  return { promise: watched, settled: () => settled };
}

async function postForm(url: string, form: Record<string, string>): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('graceful shutdown of the auth server on SIGTERM', () => {
  const SECRET = randomBytes(32).toString('base64url');
  const KID = 'shutdown-key';
  let database: TestDatabase;
  let jwksHost: HeldJsonServer;
  let privateKey: CryptoKey;
  let authServer: ServiceProcess;

  beforeAll(async () => {
    database = await createTestDatabase('system_shutdown');
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, use: 'sig' };
    // The client's jwks_uri: fetched by the auth server on the client's first assertion (RFC 7523 §3, RFC 7591 §2).
    jwksHost = await HeldJsonServer.start({ '/jwks.json': () => ({ keys: [publicJwk] }) });
    const port = await freePort();
    authServer = await startService('auth-server', port, {
      // Not production: production refuses a jwks_uri over plain http, and the key host of this test is plain http.
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      AUTH_SERVER_PORT: String(port),
      ISSUER: `http://127.0.0.1:${port}`,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      SHUTDOWN_TIMEOUT: '20',
      CLIENTS: JSON.stringify([
        {
          client_id: 'keyed',
          token_endpoint_auth_method: 'private_key_jwt',
          jwks_uri: `${jwksHost.url}/jwks.json`,
          token_endpoint_auth_signing_alg: 'ES256',
          grant_types: ['client_credentials'],
          scope: 'other.read',
        },
        // Its first token request costs a bcrypt check on the worker pool, which Nest's own shutdown order stops
        // before it closes the HTTP server.
        {
          client_id: 'secret',
          client_secret_hash: await hash(SECRET, 12),
          grant_types: ['client_credentials'],
          scope: 'other.read',
        },
      ]),
    });
  });

  afterAll(async () => {
    // Optional chaining: when beforeAll failed, what it did start must still stop, or Jest never exits.
    await authServer?.stop();
    await jwksHost?.close();
    await database?.drop();
  });

  it('refuses new connections, answers the token requests in flight with 200, then closes and exits 0', async () => {
    const issuer = authServer.url;
    const jwksFetch = jwksHost.hold('/jwks.json');
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: KID })
      .setIssuer('keyed')
      .setSubject('keyed')
      .setAudience(issuer)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(privateKey);
    const keyed = tracked(
      postForm(`${issuer}/token`, {
        grant_type: 'client_credentials',
        scope: 'other.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    );
    const withSecret = postToken(`${issuer}/token`, 'secret', SECRET, {
      grant_type: 'client_credentials',
      scope: 'other.read',
    });
    // The keyed request now waits on its client's keys: it is in flight for as long as the test holds them.
    await jwksFetch.reached;

    authServer.signal('SIGTERM');

    expect(await eventuallyRefusesConnections(issuer)).toBe(true);
    expect(keyed.settled()).toBe(false);
    jwksFetch.release();
    // Answering it still needs the database: the assertion's jti is recorded against replay (RFC 7523 §3 item 7).
    expect(await keyed.promise).toEqual({
      status: 200,
      body: expect.objectContaining({ access_token: expect.any(String), token_type: 'Bearer', scope: 'other.read' }),
    });
    expect(await withSecret).toEqual({
      status: 200,
      body: expect.objectContaining({ access_token: expect.any(String), token_type: 'Bearer' }),
    });
    expect(await authServer.exited()).toBe(0);
  });
});

describe('graceful shutdown of the client API on SIGTERM', () => {
  let upstream: HeldJsonServer;
  let clientApi: ServiceProcess;

  beforeAll(async () => {
    // The auth server's token endpoint and the resource API, in one fake.
    upstream = await HeldJsonServer.start({
      '/token': () => ({ access_token: 'opaque-for-this-test', token_type: 'Bearer', expires_in: 300 }),
      '/user': () => ({ clientId: 'client', permissions: 'read' }),
    });
    const port = await freePort();
    clientApi = await startService('client-api', port, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      CLIENT_API_PORT: String(port),
      AUTH_SERVER_URL: upstream.url,
      RESOURCE_API_URL: upstream.url,
      CLIENT_SECRET: 'secret',
      CLIENT_SCOPES: 'other.read',
      SHUTDOWN_TIMEOUT: '20',
    });
  });

  afterAll(async () => {
    await clientApi?.stop();
    await upstream?.close();
  });

  it('refuses new connections, finishes the request in flight and exits 0', async () => {
    const tokenRequest = upstream.hold('/token');
    const answer = tracked(fetch(`${clientApi.url}/other/user`));
    await tokenRequest.reached;

    clientApi.signal('SIGTERM');

    expect(await eventuallyRefusesConnections(clientApi.url)).toBe(true);
    expect(answer.settled()).toBe(false);
    tokenRequest.release();
    const response = await answer.promise;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ clientId: 'client', permissions: 'read' });
    expect(await clientApi.exited()).toBe(0);
  });
});
