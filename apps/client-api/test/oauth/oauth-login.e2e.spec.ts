import { createHash } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { basicCredentials, FakeHttpServer, formOf, type FakeAnswer } from '../support/fake-http-server';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

const ISSUER = 'https://issuer.example.test';
const CLIENT_API_URL = 'https://client.example.test';
const userBody = { clientId: 'user-id-1', permissions: 'read,write' };

/** A token endpoint that redeems the code `good-code` (checked like the real one: basic auth, redirect_uri, PKCE). */
function tokenEndpoint(challenge: () => string | undefined) {
  return (request: Parameters<typeof basicCredentials>[0]): FakeAnswer => {
    const form = formOf(request);
    const verifierHash = createHash('sha256')
      .update(form.code_verifier ?? '')
      .digest('base64url');
    const valid =
      basicCredentials(request) === 'client:secret' &&
      form.grant_type === 'authorization_code' &&
      form.code === 'good-code' &&
      form.redirect_uri === `${CLIENT_API_URL}/oauth/callback` &&
      verifierHash === challenge();
    if (!valid) return { status: 400, body: { error: 'invalid_grant', error_description: 'bad code' } };
    return { status: 200, body: { access_token: 'user-at', token_type: 'Bearer', expires_in: 300 } };
  };
}

describe('GET /oauth/login and /oauth/callback (authorization-code flow with PKCE, RFC 9207 iss)', () => {
  let auth: FakeHttpServer;
  let resource: FakeHttpServer;
  let app: NestFastifyApplication;
  let url: string;
  let challenge: string | undefined;

  beforeEach(async () => {
    challenge = undefined;
    auth = await FakeHttpServer.start(tokenEndpoint(() => challenge));
    resource = await FakeHttpServer.start(() => ({ status: 200, body: userBody }));
    const running = await startApp(
      testConfig({ AUTH_SERVER_URL: auth.url, RESOURCE_API_URL: resource.url, ISSUER, CLIENT_API_URL }),
    );
    app = running.app;
    url = running.url;
  });

  afterEach(async () => {
    await app.close();
    await Promise.all([auth.close(), resource.close()]);
  });

  /** Starts a sign-in; returns the browser cookie and the authorization request parameters. */
  async function startLogin() {
    const response = await fetch(`${url}/oauth/login`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    challenge = location.searchParams.get('code_challenge') ?? undefined;
    return { cookie, location, params: Object.fromEntries(location.searchParams) };
  }

  const callback = (cookie: string, query: Record<string, string>) =>
    fetch(`${url}/oauth/callback?${new URLSearchParams(query)}`, { headers: { cookie }, redirect: 'manual' });

  it('sends the browser to the issuer with PKCE S256, a random state and a session cookie', async () => {
    const { cookie, location, params } = await startLogin();
    expect(`${location.origin}${location.pathname}`).toBe(`${ISSUER}/authorize`);
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'client',
      redirect_uri: `${CLIENT_API_URL}/oauth/callback`,
      scope: 'other.read other.write',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(cookie).toMatch(/^client_session=[A-Za-z0-9_-]{43}$/);
  });

  it('redeems the code and calls the resource API with the person’s token', async () => {
    const { cookie, params } = await startLogin();
    const answer = await callback(cookie, { code: 'good-code', state: params['state'], iss: ISSUER });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/');
    const page = await (await fetch(`${url}/?call=resource-api`, { headers: { cookie } })).text();
    expect(page).toContain('You are signed in.');
    expect(page).toContain('&quot;clientId&quot;: &quot;user-id-1&quot;');
    expect(resource.requests.at(-1)?.headers.authorization).toBe('Bearer user-at');
  });

  it.each([
    ['a wrong state', { state: 'forged' }, 'state mismatch'],
    ['no state', { state: undefined }, 'state mismatch'],
    ['another issuer (mix-up, RFC 9207)', { iss: 'https://evil.example' }, 'unexpected issuer'],
    ['no iss', { iss: undefined }, 'unexpected issuer'],
    ['an error answer', { code: undefined, error: 'access_denied' }, 'answered access_denied'],
  ])('refuses a callback with %s and stays signed out', async (_case, change, message) => {
    const { cookie, params } = await startLogin();
    const query = Object.fromEntries(
      Object.entries({ code: 'good-code', state: params['state'], iss: ISSUER, ...change }).filter(
        (entry): entry is [string, string] => entry[1] !== undefined,
      ),
    );
    const answer = await callback(cookie, query);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain(message);
    expect(auth.requests).toHaveLength(0);
    expect(await (await fetch(`${url}/`, { headers: { cookie } })).text()).toContain('You are not signed in.');
  });

  it('refuses a callback from a browser without the session that started the flow', async () => {
    const { params } = await startLogin();
    const answer = await callback('', { code: 'good-code', state: params['state'], iss: ISSUER });
    expect(answer.status).toBe(400);
    expect(auth.requests).toHaveLength(0);
  });

  it('accepts a state only once', async () => {
    const { cookie, params } = await startLogin();
    const query = { code: 'good-code', state: params['state'], iss: ISSUER };
    expect((await callback(cookie, query)).status).toBe(303);
    expect((await callback(cookie, query)).status).toBe(400);
  });

  it('asks to sign in first when calling the resource API signed out', async () => {
    const page = await (await fetch(`${url}/?call=resource-api`)).text();
    expect(page).toContain('Sign in first');
    expect(resource.requests).toHaveLength(0);
  });
});
