import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FakeHttpServer, formOf, type FakeAnswer, type RecordedRequest } from '../support/fake-http-server';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

/** An auth server with the token endpoint and the operator endpoints; tokens are named after their scope. */
function fakeAuthServer(denied: Set<string>) {
  return (request: RecordedRequest): FakeAnswer => {
    if (request.path === '/token') {
      const { scope } = formOf(request);
      return {
        status: 200,
        body: { access_token: `token-for-${scope}`, token_type: 'Bearer', expires_in: 300, scope },
      };
    }
    if (request.headers.authorization !== 'Bearer token-for-server.admin') {
      return { status: 403, body: { error: 'insufficient_scope', error_description: 'server.admin is required' } };
    }
    if (request.path === '/blacklist') {
      denied.add((JSON.parse(request.body) as { token: string }).token);
      return { status: 200, body: { jti: 'j', exp: 1 } };
    }
    if (request.path === '/rotate-key') return { status: 200, body: { kid: 'k2', previous_kid: 'k1' } };
    if (request.path === '/revoke-key/k1') return { status: 200, body: { kid: 'k1', status: 'revoked' } };
    return { status: 404, body: { error: 'not_found', error_description: 'No signing key has this kid' } };
  };
}

/** A resource API that refuses deny-listed tokens, like the real one once its deny-list is fed. */
function fakeResourceApi(denied: Set<string>) {
  return (request: RecordedRequest): FakeAnswer => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (denied.has(token)) return { status: 401, body: { error: 'invalid_token', error_description: 'revoked' } };
    return { status: 200, body: { clientId: 'client', permissions: token.replace('token-for-other.', '') } };
  };
}

describe('the operator console: /{role}/login, /{role}/info, /admin/*', () => {
  const denied = new Set<string>();
  let auth: FakeHttpServer;
  let resource: FakeHttpServer;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    auth = await FakeHttpServer.start(fakeAuthServer(denied));
    resource = await FakeHttpServer.start(fakeResourceApi(denied));
    ({ app, url } = await startApp(testConfig({ AUTH_SERVER_URL: auth.url, RESOURCE_API_URL: resource.url })));
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([auth.close(), resource.close()]);
  });

  const call = async (method: 'GET' | 'POST', path: string) => {
    const response = await fetch(`${url}${path}`, { method });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('logs a role in with server.{role} and other.{role}, without revealing the tokens', async () => {
    const login = await call('GET', '/admin/login');
    expect(login).toEqual({
      status: 200,
      body: {
        role: 'admin',
        tokens: [
          { audience: 'server', scope: 'server.admin', expires_in: 300 },
          { audience: 'other', scope: 'other.admin', expires_in: 300 },
        ],
      },
    });
    const scopes = auth.requests.filter((r) => r.path === '/token').map((r) => formOf(r).scope);
    expect(scopes).toEqual(['server.admin', 'other.admin']);
  });

  it("shows the resource API's view of a role", async () => {
    expect(await call('GET', '/user/info')).toEqual({ status: 200, body: { clientId: 'client', permissions: 'user' } });
    expect(resource.requests.at(-1)?.headers.authorization).toBe('Bearer token-for-other.user');
  });

  it('deny-lists the user role token, after which /user/info is refused', async () => {
    await call('GET', '/user/login');
    expect((await call('POST', '/admin/blacklist')).status).toBe(200);
    expect(JSON.parse(auth.requests.at(-1)?.body ?? '{}')).toEqual({ token: 'token-for-other.user' });
    expect(await call('GET', '/user/info')).toEqual({
      status: 401,
      body: { error: 'invalid_token', error_description: 'revoked' },
    });
  });

  it('rotates and revokes keys with the admin token, passing the answers through', async () => {
    expect(await call('POST', '/admin/rotate-key')).toEqual({ status: 200, body: { kid: 'k2', previous_kid: 'k1' } });
    expect(await call('POST', '/admin/revoke-key/k1')).toEqual({ status: 200, body: { kid: 'k1', status: 'revoked' } });
    expect(await call('POST', '/admin/revoke-key/nope')).toEqual({
      status: 404,
      body: { error: 'not_found', error_description: 'No signing key has this kid' },
    });
  });

  it('answers an unknown role with a JSON 404', async () => {
    expect(await call('GET', '/root/login')).toEqual({
      status: 404,
      body: { error: 'not_found', error_description: 'The role must be admin or user' },
    });
  });

  it('answers an unreachable auth server with a JSON 502, never a stack trace', async () => {
    const unreachable = await FakeHttpServer.unreachableUrl();
    const other = await startApp(testConfig({ AUTH_SERVER_URL: unreachable, RESOURCE_API_URL: resource.url }));
    try {
      const response = await fetch(`${other.url}/admin/rotate-key`, { method: 'POST' });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({ error: 'upstream_error', error_description: expect.any(String) });
    } finally {
      await other.app.close();
    }
  });
});
