import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getJson } from './support/http';
import { freePort, startService, type ServiceProcess } from '@oauth/testing';

/** What `npm start` does on a fresh clone: no DATABASE_URL, development, generated demo credentials. */
describe('first start with no DATABASE_URL (embedded PGlite)', () => {
  let dataDir: string;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'oauth-first-start-'));
  });

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs the demo client-credentials flow with no manual step', async () => {
    const [authPort, resourcePort, clientPort] = [await freePort(), await freePort(), await freePort()];
    const issuer = `http://localhost:${authPort}`;
    const env = { NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    const authServer = await startService('auth-server', authPort, { ...env, AUTH_SERVER_PORT: String(authPort) });
    services.push(authServer);
    const resourceApi = await startService('resource-api', resourcePort, {
      ...env,
      RESOURCE_API_PORT: String(resourcePort),
      ISSUER: issuer,
    });
    services.push(resourceApi);
    const clientApi = await startService('client-api', clientPort, {
      ...env,
      CLIENT_API_PORT: String(clientPort),
      AUTH_SERVER_URL: `http://127.0.0.1:${authPort}`,
      RESOURCE_API_URL: resourceApi.url,
    });
    services.push(clientApi);

    const credentials = JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8'));
    // CONTRACT.md: the demo user of the authorization-code flow is saved beside the client.
    expect(credentials).toEqual({
      client_id: 'client',
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      username: 'demo',
      password: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      // The resource API's own client for the deny-list feed, so revocation works in development too.
      deny_list_client_id: 'other',
      deny_list_client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    // Printed once for the developer, on first start.
    expect(authServer.output()).toContain(credentials.client_secret);

    expect(await getJson(`${clientApi.url}/other/user`)).toEqual({
      status: 200,
      body: { clientId: 'client', permissions: 'read,write' },
    });
  });

  it('refuses a deny-listed token at the resource API in development too (the console of the series)', async () => {
    const clientApi = services[2];
    expect((await getJson(`${clientApi.url}/user/login`)).status).toBe(200);
    expect((await getJson(`${clientApi.url}/user/info`)).status).toBe(200);
    const listed = await fetch(`${clientApi.url}/admin/blacklist`, { method: 'POST' });
    expect(listed.status).toBe(200);
    let info = await getJson(`${clientApi.url}/user/info`);
    for (let attempt = 0; attempt < 40 && info.status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      info = await getJson(`${clientApi.url}/user/info`);
    }
    expect(info.status).toBe(401);
  });
});
