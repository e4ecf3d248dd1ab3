import { decodeJwt } from 'jose';
import { basic, startAuthServer, type RunningAuthServer, type TestClient } from '../support/auth-server.fixture';
import { OWNER, RESOURCE_SERVER } from '../support/revocation-clients';
import { OPERATOR, clientCredentialsToken, postAdmin } from '../support/tokens';

interface FeedPage {
  cursor: string;
  entries: { type: string; value: string; exp: number }[];
}

describe('POST /blacklist and the deny-list feed (ADR 0006)', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer([OWNER, OPERATOR, RESOURCE_SERVER]);
  });
  afterAll(() => server.close());

  const feed = async (client: TestClient | undefined, since?: string) => {
    const response = await fetch(`${server.url}/deny-list${since ? `?since=${encodeURIComponent(since)}` : ''}`, {
      headers: client ? { authorization: basic(client.clientId, client.secret) } : {},
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as FeedPage };
  };

  it('deny-lists a token by jti and exp, and the feed carries it to resource servers', async () => {
    const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
    const victim = decodeJwt(await clientCredentialsToken(server.url, OWNER, 'other.read'));
    const before = await feed(RESOURCE_SERVER);
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('no-store');

    const response = await postAdmin(`${server.url}/blacklist`, admin, { jti: victim.jti, exp: victim.exp });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ jti: victim.jti, exp: victim.exp });

    const changes = await feed(RESOURCE_SERVER, before.body.cursor);
    expect(changes.body.entries).toContainEqual({ type: 'jti', value: victim.jti, exp: victim.exp });
    expect(new Date(changes.body.cursor).getTime()).toBeGreaterThanOrEqual(new Date(before.body.cursor).getTime());
  });

  it('deny-lists the token itself when given it', async () => {
    const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
    const token = await clientCredentialsToken(server.url, OWNER, 'other.read');
    const response = await postAdmin(`${server.url}/blacklist`, admin, { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ jti: decodeJwt(token).jti, exp: decodeJwt(token).exp });
    const introspected = await fetch(`${server.url}/introspect`, {
      method: 'POST',
      headers: {
        authorization: basic(OWNER.clientId, OWNER.secret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(await introspected.json()).toEqual({ active: false });
  });

  it.each([[{}], [{ jti: 'x' }], [{ token: 'not-a-jwt' }], [{ jti: 'x', exp: 1, token: 'y' }]])(
    'answers 400 invalid_request to %j',
    async (body) => {
      const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
      const response = await postAdmin(`${server.url}/blacklist`, admin, body);
      expect(response.status).toBe(400);
      expect(response.body['error']).toBe('invalid_request');
    },
  );

  it('requires server.admin for /blacklist', async () => {
    const anonymous = await postAdmin(`${server.url}/blacklist`, undefined, { jti: 'x', exp: 1 });
    expect(anonymous.status).toBe(401);
    const user = await clientCredentialsToken(server.url, OPERATOR, 'server.user');
    const forbidden = await postAdmin(`${server.url}/blacklist`, user, { jti: 'x', exp: 1 });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body['error']).toBe('insufficient_scope');
  });

  it('lets only authenticated clients registered for server.deny-list read the feed', async () => {
    const anonymous = await feed(undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: 'invalid_client' });
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const wrong = await feed({ ...RESOURCE_SERVER, secret: 'wrong' });
    expect(wrong.status).toBe(401);
    const notRegistered = await feed(OWNER);
    expect(notRegistered.status).toBe(403);
    expect(notRegistered.body).toMatchObject({ error: 'access_denied' });
  });

  it('answers 400 invalid_request to a cursor it did not issue', async () => {
    const response = await feed(RESOURCE_SERVER, 'yesterday-ish');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_request' });
  });
});
