import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startFakeAuthServer } from '../support/fake-auth-server';
import { FakeHttpServer, formOf, type FakeAnswer } from '../support/fake-http-server';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

const userBody = { clientId: 'client', permissions: 'read,write' };
const ok: FakeAnswer = { status: 200, body: userBody };
const invalidToken: FakeAnswer = {
  status: 401,
  headers: { 'www-authenticate': 'Bearer realm="other", error="invalid_token", error_description="Unknown key"' },
  body: { error: 'invalid_token', error_description: 'Unknown key' },
};

describe('GET /other/user', () => {
  let auth: FakeHttpServer;
  let resource: FakeHttpServer;
  let app: NestFastifyApplication | undefined;

  const start = async (resourceApiUrl = resource.url) => {
    const running = await startApp(testConfig({ AUTH_SERVER_URL: auth.url, RESOURCE_API_URL: resourceApiUrl }));
    app = running.app;
    return running.url;
  };

  beforeEach(async () => {
    auth = await startFakeAuthServer({ basic: 'client:secret' });
    resource = await FakeHttpServer.start(() => ok);
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await Promise.all([auth.close(), resource.close()]);
  });

  it('passes the resource API answer through, fetched with a bearer token', async () => {
    const url = await start();

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(userBody);
    expect(resource.requests).toHaveLength(1);
    expect(resource.requests[0]).toMatchObject({ method: 'GET', path: '/user' });
    expect(resource.requests[0].headers.authorization).toBe('Bearer at-1');
  });

  it('reuses the token across requests', async () => {
    const url = await start();

    await fetch(`${url}/other/user`);
    await fetch(`${url}/other/user`);

    expect(auth.requests).toHaveLength(1);
    expect(resource.requests.map((request) => request.headers.authorization)).toEqual(['Bearer at-1', 'Bearer at-1']);
  });

  it('passes other resource API statuses through with their body', async () => {
    resource.handler = () => ({
      status: 403,
      body: { error: 'insufficient_scope', error_description: 'needs other.user' },
    });
    const url = await start();

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'insufficient_scope', error_description: 'needs other.user' });
    expect(resource.requests).toHaveLength(1);
  });

  it('gets a new token and retries once when the resource API answers invalid_token', async () => {
    const answers = [invalidToken, ok];
    resource.handler = () => answers.shift() ?? ok;
    const url = await start();

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(userBody);
    expect(resource.requests.map((request) => request.headers.authorization)).toEqual(['Bearer at-1', 'Bearer at-2']);
    expect(auth.requests.map((request) => formOf(request).grant_type)).toEqual(['client_credentials', 'refresh_token']);
  });

  it('retries only once', async () => {
    resource.handler = () => invalidToken;
    const url = await start();

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token', error_description: 'Unknown key' });
    expect(resource.requests).toHaveLength(2);
  });

  it('answers 502 when the resource API cannot be reached', async () => {
    const url = await start(await FakeHttpServer.unreachableUrl());

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      error: 'upstream_error',
      error_description: 'The resource API could not be reached',
    });
  });

  it('answers 502 when the resource API does not answer JSON', async () => {
    resource.handler = () => ({ status: 500, body: '<html>oops</html>' });
    const url = await start();

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'upstream_error',
      error_description: 'The resource API answered with status 500 and a body that is not JSON',
    });
  });

  it('answers 502 naming the upstream code when the token endpoint refuses', async () => {
    auth.handler = () => ({
      status: 400,
      body: { error: 'invalid_scope', error_description: 'other.write is not allowed' },
    });
    const url = await start();

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      error: 'upstream_error',
      error_description:
        'The authorization server refused the token request: invalid_scope (other.write is not allowed)',
    });
    expect(resource.requests).toHaveLength(0);
  });

  it('answers 502 when the authorization server cannot be reached', async () => {
    await auth.close();
    auth = await FakeHttpServer.start(() => ok);
    const unreachable = await FakeHttpServer.unreachableUrl();
    const running = await startApp(testConfig({ AUTH_SERVER_URL: unreachable, RESOURCE_API_URL: resource.url }));
    app = running.app;

    const response = await fetch(`${running.url}/other/user`);

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'upstream_error',
      error_description: 'The authorization server could not be reached',
    });
  });
});
