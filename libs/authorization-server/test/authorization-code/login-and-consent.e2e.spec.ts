import { hashToken } from '@oauth/tokens';
import { startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { Browser, hiddenField, paramsOf } from '@oauth/testing';
import {
  alice,
  authorizeUrl,
  createUser,
  obtainCode,
  REDIRECT_URI,
  submitConsent,
  submitLogin,
  webClient,
} from './authorization-code.fixture';

describe('login and consent at the authorization endpoint', () => {
  let server: RunningAuthServer;
  let aliceId: string;
  const issuer = 'https://issuer.example.test';

  beforeAll(async () => {
    server = await startAuthServer([webClient], { ISSUER: issuer });
    aliceId = await createUser(server, alice);
  });
  afterAll(() => server.close());

  describe('login', () => {
    it('shows a login page with protective headers and a Secure, HttpOnly, SameSite=Lax session cookie', async () => {
      const browser = new Browser();
      const page = await browser.get(authorizeUrl(server));
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("form-action 'self' https://web.example.test");
      expect(browser.setCookies).toHaveLength(1);
      const cookie = browser.setCookies[0];
      // Outside development (NODE_ENV=test here) the cookie is Secure with the __Host- prefix.
      expect(cookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; Path=\//i);
      expect(page.body).toContain('name="password"');
    });

    it('stores only the hash of the session cookie', async () => {
      const browser = new Browser();
      await browser.get(authorizeUrl(server));
      const value = /^__Host-session=([^;]+)/.exec(browser.setCookies[0])![1];
      const rows: unknown[] = await server.dataSource.query(`SELECT 1 FROM sessions WHERE token_hash = $1`, [
        hashToken(value),
      ]);
      expect(rows).toHaveLength(1);
    });

    it.each([
      ['no CSRF token', ''],
      ['a wrong CSRF token', 'x'.repeat(43)],
    ])('refuses a login form with %s with a 403 page', async (_case, csrf) => {
      const browser = new Browser();
      const login = await browser.get(authorizeUrl(server));
      const page = await browser.post(`${server.url}/authorize/login`, {
        authorization_request: hiddenField(login, 'authorization_request'),
        csrf_token: csrf,
        ...alice,
      });
      expect(page.status).toBe(403);
      expect(page.location).toBeNull();
      expect(page.body).toContain('This form has expired');
    });

    it('refuses a login form posted without the session cookie (cross-site, SameSite=Lax) with a 403 page', async () => {
      const login = await new Browser().get(authorizeUrl(server));
      const page = await submitLogin(new Browser(), server, login);
      expect(page.status).toBe(403);
    });

    it('answers a wrong password and an unknown username with the same generic message', async () => {
      const browser = new Browser();
      const login = await browser.get(authorizeUrl(server));
      const wrongPassword = await submitLogin(browser, server, login, { username: 'alice', password: 'nope' });
      const unknownUser = await submitLogin(browser, server, login, { username: 'mallory', password: 'nope' });
      for (const page of [wrongPassword, unknownUser]) {
        expect(page.status).toBe(401);
        expect(page.body).toContain('Wrong username or password.');
        expect(page.location).toBeNull();
      }
    });

    it('locks a username after five failures from one address, even against the right password, and not other usernames', async () => {
      const bob = { username: 'bob', password: 'bobs password' };
      await createUser(server, bob);
      const browser = new Browser();
      const login = await browser.get(authorizeUrl(server));
      for (let attempt = 1; attempt <= 5; attempt++) {
        const page = await submitLogin(browser, server, login, { username: 'BOB', password: `wrong ${attempt}` });
        expect(page.status).toBe(401);
      }
      const locked = await submitLogin(browser, server, login, bob);
      expect(locked.status).toBe(429);
      expect(locked.body).toContain('Too many failed sign-in attempts');
      // RFC 6585 §4; the block is counted per username and address (ADR 0013), here 127.0.0.1.
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      const rows: { failures: number }[] = await server.dataSource.query(
        `SELECT failures FROM failed_authentication_counters
          WHERE key = 'username-address:127.0.0.1 bob' AND blocked_until > now()`,
      );
      expect(rows).toEqual([{ failures: 5 }]);
      // Alice is not affected.
      expect((await submitLogin(browser, server, login, alice)).status).toBe(303);
    });

    it('replaces the session on sign-in (no session fixation) and returns to the authorization endpoint', async () => {
      const browser = new Browser();
      const url = authorizeUrl(server);
      const login = await browser.get(url);
      const page = await submitLogin(browser, server, login);
      expect(page.status).toBe(303);
      expect(page.location!.toString()).toBe(url);
      expect(browser.setCookies).toHaveLength(2);
      expect(browser.setCookies[1].split(';')[0]).not.toBe(browser.setCookies[0].split(';')[0]);
      // The pre-login session no longer exists.
      const before = /^__Host-session=([^;]+)/.exec(browser.setCookies[0])![1];
      const rows: unknown[] = await server.dataSource.query(`SELECT 1 FROM sessions WHERE token_hash = $1`, [
        hashToken(before),
      ]);
      expect(rows).toEqual([]);
    });
  });

  describe('consent', () => {
    async function consentPageFor(browser: Browser, url: string) {
      const login = await browser.get(url);
      const afterLogin = await submitLogin(browser, server, login);
      return browser.get(afterLogin.location!.toString());
    }

    it('names the client and lists the requested scopes in words', async () => {
      const page = await consentPageFor(new Browser(), authorizeUrl(server, { scope: 'other.read other.write' }));
      expect(page.status).toBe(200);
      expect(page.body).toContain('<strong>web</strong> asks to act for you');
      expect(page.body).toContain('Read your items in the Other API');
      expect(page.body).toContain('Create, change and delete your items in the Other API');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    });

    it('redirects a denial with access_denied, state and iss', async () => {
      const browser = new Browser();
      const consent = await consentPageFor(browser, authorizeUrl(server, { scope: 'other.write' }));
      const page = await submitConsent(browser, server, consent, 'deny');
      expect(page.status).toBe(303);
      expect(`${page.location!.origin}${page.location!.pathname}`).toBe(REDIRECT_URI);
      expect(paramsOf(page.location)).toEqual({
        error: 'access_denied',
        error_description: expect.any(String),
        state: 'state-123',
        iss: issuer,
      });
    });

    it('refuses a consent form without the CSRF token with a 403 page', async () => {
      const browser = new Browser();
      const consent = await consentPageFor(browser, authorizeUrl(server));
      const page = await browser.post(`${server.url}/authorize/consent`, {
        authorization_request: hiddenField(consent, 'authorization_request'),
        decision: 'allow',
      });
      expect(page.status).toBe(403);
      expect(page.location).toBeNull();
    });

    it('redirects with a code, state and iss; the code is stored hashed, bound and lives 60 s', async () => {
      const browser = new Browser();
      const page = await obtainCode(browser, server, authorizeUrl(server, { scope: 'other.read other.write' }));
      expect(page.status).toBe(303);
      const params = paramsOf(page.location);
      expect(params).toEqual({ code: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), state: 'state-123', iss: issuer });
      const rows: Record<string, unknown>[] = await server.dataSource.query(
        `SELECT client_id, user_id, redirect_uri, scope, audience,
                extract(epoch FROM expires_at - created_at) AS lifetime
         FROM authorization_codes WHERE code_hash = $1`,
        [hashToken(params['code'])],
      );
      expect(rows).toEqual([
        {
          client_id: 'web',
          user_id: aliceId,
          redirect_uri: REDIRECT_URI,
          scope: 'other.read other.write',
          audience: 'other',
          lifetime: expect.anything(),
        },
      ]);
      expect(Number(rows[0]['lifetime'])).toBeLessThanOrEqual(60);
      const plain: unknown[] = await server.dataSource.query(`SELECT 1 FROM authorization_codes WHERE code_hash = $1`, [
        params['code'],
      ]);
      expect(plain).toEqual([]);
    });

    it('remembers a consent per scope: the same scopes skip the page, a new scope asks again', async () => {
      const dave = { username: 'dave', password: 'daves password' };
      await createUser(server, dave);
      const browser = new Browser();
      await obtainCode(browser, server, authorizeUrl(server, { scope: 'other.read' }), dave);
      const again = await browser.get(authorizeUrl(server, { scope: 'other.read', state: 'second' }));
      expect(again.status).toBe(302);
      expect(paramsOf(again.location)).toEqual({ code: expect.any(String), state: 'second', iss: issuer });
      const wider = await browser.get(authorizeUrl(server, { scope: 'other.read other.write' }));
      expect(wider.status).toBe(200);
      expect(wider.body).toContain('Allow access?');
    });

    it('lists consents and revokes them: the client must ask again', async () => {
      const carol = { username: 'carol', password: 'carols password' };
      await createUser(server, carol);
      const browser = new Browser();
      await obtainCode(browser, server, authorizeUrl(server, { scope: 'other.read' }), carol);
      const list = await browser.get(`${server.url}/authorize/consents`);
      expect(list.status).toBe(200);
      expect(list.body).toContain('<strong>web</strong>: other.read');

      const withoutCsrf = await browser.post(`${server.url}/authorize/consents/revoke`, { client_id: 'web' });
      expect(withoutCsrf.status).toBe(403);

      const revoked = await browser.post(`${server.url}/authorize/consents/revoke`, {
        client_id: 'web',
        csrf_token: hiddenField(list, 'csrf_token'),
      });
      expect(revoked.status).toBe(303);
      expect((await browser.get(`${server.url}/authorize/consents`)).body).toContain('You have not allowed any');
      const again = await browser.get(authorizeUrl(server, { scope: 'other.read' }));
      expect(again.status).toBe(200);
      expect(again.body).toContain('Allow access?');
    });

    it('answers the consent list without a signed-in session with 401', async () => {
      expect((await new Browser().get(`${server.url}/authorize/consents`)).status).toBe(401);
    });
  });
});
