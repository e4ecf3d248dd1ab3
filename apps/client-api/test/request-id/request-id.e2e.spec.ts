import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FakeHttpServer, formOf, type RecordedRequest } from '../support/fake-http-server';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

/** A token endpoint and operator endpoints; tokens are named after their scope. */
function fakeAuthServer(request: RecordedRequest) {
  if (request.path === '/token') {
    const { scope } = formOf(request);
    return { status: 200, body: { access_token: `token-for-${scope}`, token_type: 'Bearer', expires_in: 300, scope } };
  }
  return { status: 200, body: { kid: 'k2', previous_kid: 'k1' } };
}

describe('X-Request-Id: one id across the client API and the services it calls', () => {
  let auth: FakeHttpServer;
  let resource: FakeHttpServer;
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    auth = await FakeHttpServer.start(fakeAuthServer);
    resource = await FakeHttpServer.start(() => ({ status: 200, body: { clientId: 'client', permissions: 'read' } }));
    ({ app, url } = await startApp(testConfig({ AUTH_SERVER_URL: auth.url, RESOURCE_API_URL: resource.url })));
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([auth.close(), resource.close()]);
  });
  beforeEach(() => {
    auth.requests.length = 0;
    resource.requests.length = 0;
  });

  it('sends the caller’s id to the auth server and the resource API, and echoes it', async () => {
    const response = await fetch(`${url}/other/user`, { headers: { 'x-request-id': 'from-the-edge-1' } });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('from-the-edge-1');
    expect(auth.requests.map((request) => request.headers['x-request-id'])).toEqual(['from-the-edge-1']);
    expect(resource.requests.map((request) => request.headers['x-request-id'])).toEqual(['from-the-edge-1']);
  });

  it('makes an id when the caller sent none, and passes that one on', async () => {
    const response = await fetch(`${url}/admin/rotate-key`, { method: 'POST' });

    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // The admin role's tokens first, then the operator call itself: all with the one id.
    expect(auth.requests.map((request) => request.path)).toContain('/rotate-key');
    expect(new Set(auth.requests.map((request) => request.headers['x-request-id']))).toEqual(new Set([id]));
  });

  it('replaces an unacceptable id rather than passing it on', async () => {
    const response = await fetch(`${url}/user/info`, { headers: { 'x-request-id': 'bad id\twith spaces' } });

    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(resource.requests.map((request) => request.headers['x-request-id'])).toEqual([id]);
  });
});
