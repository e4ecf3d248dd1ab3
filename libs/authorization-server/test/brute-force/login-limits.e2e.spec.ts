import { authorizeUrl, createUser, webClient } from '../authorization-code/authorization-code.fixture';
import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { Browser, hiddenField, type Page } from '@oauth/testing';

const MAX_PER_USERNAME_ADDRESS = 3;
const MAX_PER_USERNAME = 5;
const MAX_PER_ADDRESS = 6;

/**
 * Failed logins are limited per (username, address), per username and per address (docs/adr/0013, replacing the
 * per-username lockout of ADR 0011, which let anyone lock a known account from anywhere).
 */
describe('failed login limits (docs/adr/0013)', () => {
  let server: RunningAuthServer;
  const users = ['carol', 'dave', 'erin', 'frank', 'grace'].map((name) => ({
    username: name,
    password: `${name}'s long password`,
  }));
  const [carol, dave, erin, frank, grace] = users;

  beforeAll(async () => {
    server = await startAuthServer([webClient], {
      ISSUER: 'https://issuer.example.test',
      TRUSTED_PROXIES: '127.0.0.1',
      BRUTE_FORCE_MAX_PER_USERNAME_ADDRESS: String(MAX_PER_USERNAME_ADDRESS),
      BRUTE_FORCE_MAX_PER_USERNAME: String(MAX_PER_USERNAME),
      BRUTE_FORCE_MAX_PER_ADDRESS: String(MAX_PER_ADDRESS),
    });
    for (const user of users) await createUser(server, user);
  });
  afterAll(() => server.close());

  /** Opens the login page and posts the form from `address` (through the trusted proxy on 127.0.0.1). */
  async function login(user: { username: string; password: string }, address: string): Promise<Page> {
    const browser = new Browser();
    const page = await browser.get(authorizeUrl(server));
    return browser.post(
      `${server.url}/authorize/login`,
      {
        authorization_request: hiddenField(page, 'authorization_request'),
        csrf_token: hiddenField(page, 'csrf_token'),
        username: user.username,
        password: user.password,
      },
      { 'x-forwarded-for': address },
    );
  }

  const wrong = (user: { username: string }, attempt: number) => ({ username: user.username, password: `x${attempt}` });

  function expectLockedPage(page: Page): void {
    expect(page.status).toBe(429);
    expect(page.body).toContain('Too many failed sign-in attempts');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(page.headers.get('cache-control')).toBe('no-store');
  }

  it(`blocks a username at one address after ${MAX_PER_USERNAME_ADDRESS} failures, not its owner at another`, async () => {
    for (let attempt = 1; attempt <= MAX_PER_USERNAME_ADDRESS; attempt++) {
      expect((await login(wrong(carol, attempt), '203.0.113.10')).status).toBe(401);
    }
    // Even the right password is not checked from there.
    expectLockedPage(await login(carol, '203.0.113.10'));
    // The attacker cannot lock Carol out: from her own address she signs in.
    expect((await login(carol, '198.51.100.10')).status).toBe(303);
  });

  it(`blocks a username everywhere after ${MAX_PER_USERNAME} failures spread over many addresses`, async () => {
    for (let attempt = 1; attempt <= MAX_PER_USERNAME; attempt++) {
      expect((await login(wrong(dave, attempt), `192.0.2.${attempt}`)).status).toBe(401);
    }
    expectLockedPage(await login(dave, '198.51.100.11'));
    // Other usernames are not affected.
    expect((await login(erin, '198.51.100.11')).status).toBe(303);
  });

  it(`blocks an address that sprays ${MAX_PER_ADDRESS} failures over many usernames, and only that address`, async () => {
    const sprayer = '203.0.113.12';
    for (let attempt = 1; attempt <= MAX_PER_ADDRESS; attempt++) {
      expect((await login({ username: `someone-${attempt}`, password: 'Summer2025!' }, sprayer)).status).toBe(401);
    }
    expectLockedPage(await login(frank, sprayer));
    expect((await login(frank, '203.0.113.13')).status).toBe(303);
    // The address is blocked for client authentication too: one count of failed credentials per address.
    const token = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      { authorization: basic('web', webClient.secret), 'x-forwarded-for': sprayer },
    );
    expect(token.status).toBe(429);
    expect(token.body['error']).toBe('slow_down');
  });

  it('starts the username’s counts over after a successful login, but not the address’s', async () => {
    const address = '203.0.113.14';
    for (let attempt = 1; attempt < MAX_PER_USERNAME_ADDRESS; attempt++) {
      expect((await login(wrong(grace, attempt), address)).status).toBe(401);
    }
    expect((await login(grace, address)).status).toBe(303);
    const rows: { key: string; failures: number }[] = await server.dataSource.query(
      `SELECT key, failures FROM failed_authentication_counters WHERE key LIKE '%grace' OR key = $1 ORDER BY key`,
      [`address:${address}`],
    );
    expect(rows).toEqual([{ key: `address:${address}`, failures: MAX_PER_USERNAME_ADDRESS - 1 }]);
  });
});
