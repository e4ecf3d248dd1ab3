import { startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { Browser, paramsOf } from '@oauth/testing';
import { authorizeUrl, machineClient, REDIRECT_URI, webClient } from './authorization-code.fixture';

describe('authorization request errors (RFC 6749 §4.1.2.1, OAuth 2.1 PKCE)', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer([webClient, machineClient], { ISSUER: 'https://issuer.example.test' });
  });
  afterAll(() => server.close());

  describe('an untrustworthy client or redirect_uri: an error page, never a redirect (RFC 9700 §4.1)', () => {
    it.each([
      ['an unknown client', { client_id: 'nobody' }],
      ['no client_id', { client_id: undefined }],
      ['no redirect_uri', { redirect_uri: undefined }],
      ['an unregistered redirect_uri', { redirect_uri: 'https://attacker.example/callback' }],
      ['a redirect_uri with a trailing slash', { redirect_uri: `${REDIRECT_URI}/` }],
      ['a redirect_uri with an extra query', { redirect_uri: `${REDIRECT_URI}?next=x` }],
      ['a redirect_uri differing in case', { redirect_uri: REDIRECT_URI.toUpperCase() }],
      [
        'a registered URI of another client only',
        { client_id: 'machine', redirect_uri: 'https://web.example.test/other?x=1' },
      ],
    ])('shows a 400 page for %s', async (_case, overrides) => {
      const page = await new Browser().get(authorizeUrl(server, overrides));
      expect(page.status).toBe(400);
      expect(page.location).toBeNull();
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.body).toContain('This request cannot be completed');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it.each(['client_id', 'redirect_uri'])('shows a 400 page for a repeated %s', async (name) => {
      const url = new URL(authorizeUrl(server));
      url.searchParams.append(name, url.searchParams.get(name)!);
      const page = await new Browser().get(url.toString());
      expect(page.status).toBe(400);
      expect(page.location).toBeNull();
    });

    it('escapes nothing it echoes: the page shows no request parameter', async () => {
      const page = await new Browser().get(authorizeUrl(server, { client_id: '<script>alert(1)</script>' }));
      expect(page.status).toBe(400);
      expect(page.body).not.toContain('<script>');
    });
  });

  describe('every other error redirects with error, error_description, state and iss (RFC 9207)', () => {
    const expectRedirectError = async (
      overrides: Record<string, string | undefined>,
      error: string,
      state: string | undefined = 'state-123',
    ) => {
      const page = await new Browser().get(authorizeUrl(server, overrides));
      expect(page.status).toBe(302);
      expect(`${page.location!.origin}${page.location!.pathname}`).toBe(REDIRECT_URI);
      expect(paramsOf(page.location)).toEqual({
        error,
        error_description: expect.any(String),
        ...(state === undefined ? {} : { state }),
        iss: 'https://issuer.example.test',
      });
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    };

    it('refuses a missing response_type with invalid_request', () =>
      expectRedirectError({ response_type: undefined }, 'invalid_request'));

    it.each(['token', 'code id_token', 'none'])('refuses response_type=%s with unsupported_response_type', (type) =>
      expectRedirectError({ response_type: type }, 'unsupported_response_type'),
    );

    it('refuses a request without code_challenge (PKCE is required)', () =>
      expectRedirectError({ code_challenge: undefined, code_challenge_method: undefined }, 'invalid_request'));

    it('refuses code_challenge_method=plain', () =>
      expectRedirectError({ code_challenge_method: 'plain' }, 'invalid_request'));

    it('refuses a missing code_challenge_method (it would default to plain)', () =>
      expectRedirectError({ code_challenge_method: undefined }, 'invalid_request'));

    it('refuses a code_challenge that is no S256 value', () =>
      expectRedirectError({ code_challenge: 'too-short' }, 'invalid_request'));

    it('refuses a client not registered for the authorization_code grant with unauthorized_client', () =>
      expectRedirectError({ client_id: 'machine' }, 'unauthorized_client'));

    it.each([
      ['a scope the client may not have', 'other.admin'],
      ['scopes of two audiences', 'other.read server.admin'],
      ['a malformed scope', 'other'],
      ['a scope users cannot delegate', 'server.admin'],
      ['no scope', undefined],
    ])('refuses %s with invalid_scope', (_case, scope) => expectRedirectError({ scope }, 'invalid_scope'));

    it('refuses a repeated parameter with invalid_request', async () => {
      const page = await new Browser().get(`${authorizeUrl(server)}&scope=other.write`);
      expect(page.status).toBe(302);
      expect(paramsOf(page.location)).toMatchObject({ error: 'invalid_request', state: 'state-123' });
    });

    it('sends no state back when state itself is repeated', async () => {
      const page = await new Browser().get(`${authorizeUrl(server, { state: 'a' })}&state=b`);
      expect(page.status).toBe(302);
      expect(paramsOf(page.location)).toEqual({
        error: 'invalid_request',
        error_description: expect.any(String),
        iss: 'https://issuer.example.test',
      });
    });

    it('keeps the query of a registered redirect_uri', async () => {
      const page = await new Browser().get(
        authorizeUrl(server, { redirect_uri: 'https://web.example.test/other?x=1', response_type: undefined }),
      );
      expect(page.status).toBe(302);
      expect(paramsOf(page.location)).toMatchObject({ x: '1', error: 'invalid_request' });
    });
  });

  it('shows the login page for a valid request', async () => {
    const page = await new Browser().get(authorizeUrl(server));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1>Sign in</h1>');
  });
});
