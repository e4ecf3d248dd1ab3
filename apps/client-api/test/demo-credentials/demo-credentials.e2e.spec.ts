import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startFakeAuthServer, type FakeAuthServerOptions } from '../support/fake-auth-server';
import { FakeHttpServer, basicCredentials, type FakeAnswer } from '../support/fake-http-server';
import { captureOutput } from '../support/captured-output';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

const userBody = { clientId: 'client', permissions: 'read,write' };
const invalidToken: FakeAnswer = { status: 401, body: { error: 'invalid_token', error_description: 'Token revoked' } };

describe('demo credentials in development', () => {
  let dataDir: string;
  let authOptions: FakeAuthServerOptions;
  let auth: FakeHttpServer;
  let resource: FakeHttpServer;
  let app: NestFastifyApplication;
  let url: string;

  const writeDemoCredentials = (secret: string) =>
    writeFile(join(dataDir, 'demo-credentials.json'), JSON.stringify({ client_id: 'client', client_secret: secret }));

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'client-api-demo-'));
    authOptions = { basic: 'client:first-secret' };
    auth = await startFakeAuthServer(authOptions);
    resource = await FakeHttpServer.start(() => ({ status: 200, body: userBody }));
    const config = testConfig({
      NODE_ENV: 'development',
      // The log lines are part of what this spec checks.
      LOG_LEVEL: 'log',
      CLIENT_SECRET: undefined,
      DATA_DIR: dataDir,
      AUTH_SERVER_URL: auth.url,
      RESOURCE_API_URL: resource.url,
    });
    // Booting before the file exists: the auth server may start after this app.
    ({ app, url } = await startApp(config));
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await app.close();
    await Promise.all([auth.close(), resource.close()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reads the file when a token is first needed', async () => {
    await writeDemoCredentials('first-secret');

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(200);
    expect(auth.requests.map(basicCredentials)).toEqual(['client:first-secret']);
  });

  it('answers 502 while the file does not exist yet, then recovers', async () => {
    const before = await fetch(`${url}/other/user`);

    expect(before.status).toBe(502);
    expect(await before.json()).toEqual({
      error: 'upstream_error',
      error_description: `No demo credentials at ${join(dataDir, 'demo-credentials.json')} yet: start the auth server first, or set CLIENT_SECRET`,
    });
    expect(auth.requests).toHaveLength(0);

    await writeDemoCredentials('first-secret');
    expect((await fetch(`${url}/other/user`)).status).toBe(200);
  });

  it('re-reads the file when the token endpoint answers invalid_client, logging no secret or token', async () => {
    const output = captureOutput();
    await writeDemoCredentials('first-secret');
    expect((await fetch(`${url}/other/user`)).status).toBe(200);

    // The auth server regenerated the demo credentials (e.g. its data folder was wiped) ...
    authOptions.basic = 'client:second-secret';
    await writeDemoCredentials('second-secret');
    // ... and the resource API rejects the cached token, so a new one is needed.
    resource.handler = (request) =>
      request.headers.authorization === 'Bearer at-1' ? invalidToken : { status: 200, body: userBody };

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(userBody);
    expect(auth.requests.map(basicCredentials)).toEqual([
      'client:first-secret',
      'client:first-secret',
      'client:second-secret',
    ]);
    expect(resource.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer at-1',
      'Bearer at-1',
      'Bearer at-2',
    ]);
    output.restore();
    expect(output.messages()).toContainEqual(expect.stringContaining('Using the demo credentials of client "client"'));
    for (const secret of ['first-secret', 'second-secret', 'at-1', 'at-2', 'rt-1', 'rt-2']) {
      expect(output.text()).not.toContain(secret);
    }
  });

  it('does not retry with a file that did not change', async () => {
    await writeDemoCredentials('stale-secret');

    const response = await fetch(`${url}/other/user`);

    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: 'upstream_error',
      error_description:
        'The authorization server refused the token request: invalid_client (Client authentication failed)',
    });
    expect(auth.requests).toHaveLength(1);
  });
});
