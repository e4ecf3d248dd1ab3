import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import {
  createTestDatabase,
  type TestDatabase,
  freePort,
  startService,
  WORKSPACE_ROOT,
  type ServiceProcess,
} from '@oauth/testing';
import { launchChromium } from './support/chromium';

const SCREENSHOTS = join(WORKSPACE_ROOT, 'test-artifacts', 'browser');

interface DemoCredentials {
  client_id: string;
  username: string;
  password: string;
}

/**
 * A person signs in at the auth server through the client API's page, consents, and sees the resource
 * API's answer for them. The three built services run in development mode, as `npm start` runs them,
 * so the demo client and demo user are the generated ones.
 */
describe('authorization-code flow in a real browser', () => {
  let database: TestDatabase;
  let dataDir: string;
  const services: ServiceProcess[] = [];
  let authServer: ServiceProcess;
  let clientApi: ServiceProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let credentials: DemoCredentials;

  beforeAll(async () => {
    database = await createTestDatabase('browser');
    dataDir = await mkdtemp(join(tmpdir(), 'browser-test-data-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    const [authPort, resourcePort, clientPort] = [await freePort(), await freePort(), await freePort()];
    const issuer = `http://127.0.0.1:${authPort}`;
    const clientApiUrl = `http://127.0.0.1:${clientPort}`;
    const common = { NODE_ENV: 'development', LOG_LEVEL: 'warn', DATA_DIR: dataDir, ISSUER: issuer };
    authServer = await startService('auth-server', authPort, {
      ...common,
      DATABASE_URL: database.url,
      AUTH_SERVER_PORT: String(authPort),
      CLIENT_API_URL: clientApiUrl,
    });
    services.push(authServer);
    const resourceApi = await startService('resource-api', resourcePort, {
      ...common,
      DATABASE_URL: database.url,
      RESOURCE_API_PORT: String(resourcePort),
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
    credentials = JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredentials;
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(services.map((service) => service.stop()));
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('signs in, consents, returns to the client and shows the resource API answer for that user', async () => {
    await page.goto(`${clientApi.url}/`);
    await screenshot('01-client-signed-out');
    expect(await page.locator('#status').textContent()).toBe('You are not signed in.');

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.toString().startsWith(`${authServer.url}/authorize?`));
    await screenshot('02-login');
    expect(await page.locator('h1').textContent()).toBe('Sign in');

    await page.getByLabel('Username').fill(credentials.username);
    await page.getByLabel('Password').fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('text=Allow access?');
    await screenshot('03-consent');
    expect(await page.locator('ul.scopes').textContent()).toContain('Read your items in the Other API');

    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(`${clientApi.url}/`);
    await screenshot('04-client-signed-in');
    expect(await page.locator('#status').textContent()).toBe('You are signed in.');

    await page.getByRole('link', { name: 'Call the resource API' }).click();
    await page.waitForSelector('#resource-answer');
    await screenshot('05-resource-api-answer');
    const answer = JSON.parse((await page.locator('#resource-answer').textContent()) ?? '') as Record<string, unknown>;
    // The resource API names the client and the demo user it acts for (RFC 9068 §2.2).
    expect(answer).toEqual({
      clientId: 'client',
      userId: await userIdOf(credentials.username),
      permissions: 'read,write',
    });
  });

  async function userIdOf(username: string): Promise<string> {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const result = await client.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
      return result.rows[0].id;
    } finally {
      await client.end();
    }
  }
});
