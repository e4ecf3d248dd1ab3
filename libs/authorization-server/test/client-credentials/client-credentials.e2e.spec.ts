import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';

const service: TestClient = {
  clientId: 'service',
  secret: 'service-secret-value',
  grantTypes: ['client_credentials'],
  scope: 'other.read other.write server.admin',
};
const posting: TestClient = {
  clientId: 'posting',
  secret: 'posting-secret-value',
  tokenEndpointAuthMethod: 'client_secret_post',
  grantTypes: ['client_credentials'],
  scope: 'server.admin',
};
const renewing: TestClient = {
  clientId: 'renewing',
  secret: 'renewing-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read',
};

describe('client_credentials grant (RFC 6749 §4.4)', () => {
  let server: RunningAuthServer;
  let tokenUrl: string;

  beforeAll(async () => {
    server = await startAuthServer([service, posting, renewing]);
    tokenUrl = `${server.url}/token`;
  });
  afterAll(() => server.close());

  it('issues an RFC 9068 access token verifiable with the published JWKS', async () => {
    const response = await postForm(
      tokenUrl,
      { grant_type: 'client_credentials', scope: 'other.read other.write' },
      { authorization: basic('service', service.secret) },
    );

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'other.read other.write',
    });
    const token = response.body['access_token'] as string;
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: server.config.issuer,
      audience: 'other',
      typ: 'at+jwt',
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: jwks.keys[0].kid, typ: 'at+jwt' });
    expect(payload).toEqual({
      iss: server.config.issuer,
      sub: 'service',
      client_id: 'service',
      aud: 'other',
      scope: 'other.read other.write',
      iat: expect.any(Number),
      exp: (payload.iat as number) + 900,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('authenticates a client registered for client_secret_post with body parameters', async () => {
    const response = await postForm(tokenUrl, {
      grant_type: 'client_credentials',
      scope: 'server.admin',
      client_id: 'posting',
      client_secret: posting.secret,
    });
    expect(response.status).toBe(200);
    expect(response.body['scope']).toBe('server.admin');
    expect(decodeProtectedHeader(response.body['access_token'] as string).typ).toBe('at+jwt');
  });

  describe('only the registered token_endpoint_auth_method (RFC 7591 §2)', () => {
    it('refuses client_secret_post from a client registered for client_secret_basic', async () => {
      const response = await postForm(tokenUrl, {
        grant_type: 'client_credentials',
        scope: 'server.admin',
        client_id: 'service',
        client_secret: service.secret,
      });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    });

    it('refuses client_secret_basic from a client registered for client_secret_post', async () => {
      const response = await postForm(
        tokenUrl,
        { grant_type: 'client_credentials', scope: 'server.admin' },
        { authorization: basic('posting', posting.secret) },
      );
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="token"/);
    });
  });

  it('gives each token its own jti', async () => {
    const request = () =>
      postForm(
        tokenUrl,
        { grant_type: 'client_credentials', scope: 'other.read' },
        { authorization: basic('service', service.secret) },
      );
    const [a, b] = await Promise.all([request(), request()]);
    expect(a.body['access_token']).not.toBe(b.body['access_token']);
  });

  it('adds a refresh token, stored only as a hash, for a client allowed the refresh_token grant', async () => {
    const response = await postForm(
      tokenUrl,
      { grant_type: 'client_credentials', scope: 'other.read' },
      { authorization: basic('renewing', renewing.secret) },
    );
    expect(response.status).toBe(200);
    const refreshToken = response.body['refresh_token'] as string;
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows: { token_hash: string; client_id: string; audience: string; scope: string }[] =
      await server.dataSource.query(
        `SELECT token_hash, client_id, audience, scope FROM refresh_tokens WHERE client_id = 'renewing'`,
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      token_hash: expect.not.stringContaining(refreshToken),
      client_id: 'renewing',
      audience: 'other',
      scope: 'other.read',
    });
    expect(rows[0].token_hash).toHaveLength(43);
  });

  it('collapses a repeated scope into one', async () => {
    const response = await postForm(
      tokenUrl,
      { grant_type: 'client_credentials', scope: 'other.read other.read' },
      { authorization: basic('service', service.secret) },
    );
    expect(response.status).toBe(200);
    expect(response.body['scope']).toBe('other.read');
  });

  describe('invalid_scope (RFC 6749 §5.2)', () => {
    it.each([
      ['a scope the client is not allowed', 'other.admin'],
      ['two audiences in one request', 'other.read server.admin'],
      ['a scope outside audience.permission', 'read'],
      ['a scope with characters outside RFC 6749 §3.3', 'other."read"'],
    ])('refuses %s', async (_case, scope) => {
      const response = await postForm(
        tokenUrl,
        { grant_type: 'client_credentials', scope },
        { authorization: basic('service', service.secret) },
      );
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'invalid_scope', error_description: expect.any(String) });
    });

    it('refuses a request without scope (RFC 6749 §3.3 allows failing instead of a default)', async () => {
      const response = await postForm(
        tokenUrl,
        { grant_type: 'client_credentials' },
        { authorization: basic('service', service.secret) },
      );
      expect(response.status).toBe(400);
      expect(response.body['error']).toBe('invalid_scope');
    });
  });
});
