import { generateKeyPair, SignJWT } from 'jose';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  Browser,
  createTestDatabase,
  freePort,
  hiddenField,
  redirectOf,
  startService,
  type ServiceProcess,
  type TestDatabase,
} from '@oauth/testing';

const secret = () => randomBytes(32).toString('base64url');
const CLIENT_SECRET = secret();
const PASSWORD = secret();
const FEED_SECRET = secret();
const JWT = /eyJ[A-Za-z0-9_-]{10,}\./;

const basic = (clientId: string, clientSecret: string) =>
  `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;

/**
 * Issue #8: all three services log JSON lines that carry one request id across service boundaries, and no
 * secret, token, assertion, password, code, verifier, cookie or Authorization header, whatever the level.
 */
describe('structured logs of the three services', () => {
  let database: TestDatabase;
  let dataDir: string;
  const services: ServiceProcess[] = [];
  let authServer: ServiceProcess;
  let resourceApi: ServiceProcess;
  let clientApi: ServiceProcess;
  /** Every credential the requests below carry; none may reach a log. */
  const carried: string[] = [CLIENT_SECRET, PASSWORD, FEED_SECRET];

  beforeAll(async () => {
    database = await createTestDatabase('system_logs');
    dataDir = await mkdtemp(join(tmpdir(), 'oauth-logs-'));
    // Development, with the demo credentials already on file: the demo user exists, and nothing is printed.
    await writeFile(
      join(dataDir, 'demo-credentials.json'),
      JSON.stringify({
        client_id: 'client',
        client_secret: CLIENT_SECRET,
        username: 'demo',
        password: PASSWORD,
        deny_list_client_id: 'other',
        deny_list_client_secret: FEED_SECRET,
      }),
    );
    const [authPort, resourcePort, clientPort] = [await freePort(), await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${authPort}`;
    const clientApiUrl = `http://127.0.0.1:${clientPort}`;
    // The most verbose level: nothing may leak at any level.
    const common = { NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'verbose' };
    authServer = await startService('auth-server', authPort, {
      ...common,
      DATABASE_URL: database.url,
      AUTH_SERVER_PORT: String(authPort),
      ISSUER: issuer,
      CLIENT_API_URL: clientApiUrl,
      KEY_ENCRYPTION_KEY: secret(),
    });
    services.push(authServer);
    resourceApi = await startService('resource-api', resourcePort, {
      ...common,
      DATABASE_URL: database.url,
      RESOURCE_API_PORT: String(resourcePort),
      ISSUER: issuer,
    });
    services.push(resourceApi);
    clientApi = await startService('client-api', clientPort, {
      ...common,
      CLIENT_API_PORT: String(clientPort),
      CLIENT_API_URL: clientApiUrl,
      AUTH_SERVER_URL: issuer,
      RESOURCE_API_URL: resourceApi.url,
    });
    services.push(clientApi);
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const token = async (form: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${authServer.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
    const body = (await response.json()) as Record<string, string>;
    carried.push(...['access_token', 'refresh_token'].flatMap((field) => (body[field] ? [body[field]] : [])));
    return { status: response.status, body };
  };

  /** The log lines of one request, once its `request completed` line is out (output arrives through a pipe). */
  async function linesOf(service: ServiceProcess, requestId: string): Promise<Record<string, unknown>[]> {
    const lines = () =>
      service
        .output()
        .split('\n')
        .filter((line) => line.includes(`"request_id":"${requestId}"`))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (let attempt = 0; attempt < 50 && !lines().some((line) => line['msg'] === 'request completed'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return lines();
  }

  it('carries one request id from the client API to the auth server and the resource API', async () => {
    const response = await fetch(`${clientApi.url}/other/user`, { headers: { 'x-request-id': 'logs-spec-m2m' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('logs-spec-m2m');
    for (const service of services) {
      expect(await linesOf(service, 'logs-spec-m2m')).toContainEqual(
        expect.objectContaining({ request_id: 'logs-spec-m2m', msg: 'request completed' }),
      );
    }
  });

  it('signs the demo user in through the client API; the code and its redemption share the callback’s id', async () => {
    const browser = new Browser();
    const toAuthorize = await browser.get(`${clientApi.url}/oauth/login`);
    const loginPage = await browser.get(redirectOf(toAuthorize).toString());
    const afterLogin = await browser.post(`${authServer.url}/authorize/login`, {
      authorization_request: hiddenField(loginPage, 'authorization_request'),
      csrf_token: hiddenField(loginPage, 'csrf_token'),
      username: 'demo',
      password: PASSWORD,
    });
    const consentPage = await browser.get(redirectOf(afterLogin).toString());
    const toCallback = await browser.post(`${authServer.url}/authorize/consent`, {
      authorization_request: hiddenField(consentPage, 'authorization_request'),
      csrf_token: hiddenField(consentPage, 'csrf_token'),
      decision: 'allow',
    });
    const code = redirectOf(toCallback).searchParams.get('code');
    expect(code).toEqual(expect.any(String));
    const signedIn = await browser.get(redirectOf(toCallback).toString(), { 'x-request-id': 'logs-spec-callback' });

    expect(signedIn.status).toBeLessThan(400);
    carried.push(code as string, ...browser.cookies.values());
    // The client API redeemed the code at the auth server within the same request id.
    expect(await linesOf(authServer, 'logs-spec-callback')).toContainEqual(
      expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ url: '/token' }) }),
    );
    // And the audit table: the same id on the event (written just after the answer, hence the wait).
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      let rows: { details: Record<string, unknown> }[] = [];
      for (let attempt = 0; attempt < 50 && rows.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ({ rows } = await db.query(
          `SELECT details FROM audit_event WHERE request_id = 'logs-spec-callback' AND type = 'token.issued'`,
        ));
      }
      expect(rows.map((row) => row.details['grant_type'])).toEqual(['authorization_code']);
    } finally {
      await db.end();
    }
  });

  it('logs none of the secrets, tokens, assertions, passwords, codes and verifiers the requests carry', async () => {
    const auth = { authorization: basic('client', CLIENT_SECRET) };
    // client_secret_basic; the answer's tokens join `carried`.
    const issued = await token({ grant_type: 'client_credentials', scope: 'other.read other.write' }, auth);
    expect(issued.status).toBe(200);
    // A refresh token, rotated.
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: issued.body['refresh_token'] }, auth);
    expect(refreshed.status).toBe(200);
    // client_secret_post (refused: the client registered Basic, but the secret is in the form all the same).
    expect(
      (await token({ grant_type: 'client_credentials', client_id: 'client', client_secret: CLIENT_SECRET })).status,
    ).toBe(401);
    // A client assertion (RFC 7523), refused as well.
    const { privateKey } = await generateKeyPair('ES256');
    const assertion = await new SignJWT({ jti: secret() })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('client')
      .setSubject('client')
      .setAudience(authServer.url)
      .setExpirationTime('2m')
      .sign(privateKey);
    carried.push(assertion);
    await token({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    });
    // An authorization code and a PKCE verifier (RFC 7636 §4.5), refused.
    const [fakeCode, verifier] = [secret(), secret()];
    carried.push(fakeCode, verifier);
    await token(
      { grant_type: 'authorization_code', code: fakeCode, code_verifier: verifier, redirect_uri: 'http://x/cb' },
      auth,
    );
    // A code in a redirect URI's query string.
    const callbackCode = secret();
    carried.push(callbackCode);
    await fetch(`${clientApi.url}/oauth/callback?code=${callbackCode}&state=unknown`);
    // Bearer tokens at the resource API and at the auth server's admin API; introspection and revocation.
    const access = refreshed.body['access_token'];
    expect((await fetch(`${resourceApi.url}/user`, { headers: { authorization: `Bearer ${access}` } })).status).toBe(
      200,
    );
    const admin = await token({ grant_type: 'client_credentials', scope: 'server.admin' }, auth);
    await fetch(`${authServer.url}/clients`, { headers: { authorization: `Bearer ${admin.body['access_token']}` } });
    for (const endpoint of ['/introspect', '/revoke']) {
      await fetch(`${authServer.url}${endpoint}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...auth,
          'x-request-id': `logs-spec-${endpoint.slice(1)}`,
        },
        body: new URLSearchParams({ token: refreshed.body['refresh_token'] }).toString(),
      });
    }
    await linesOf(authServer, 'logs-spec-revoke');

    for (const service of services) {
      const output = service.output();
      for (const value of carried) expect(output).not.toContain(value);
      expect(output).not.toMatch(JWT);
      // Structured: every line is one JSON object.
      for (const line of output.split('\n').filter((text) => text.trim() !== '')) {
        expect(() => JSON.parse(line)).not.toThrow();
      }
    }
  });
});
