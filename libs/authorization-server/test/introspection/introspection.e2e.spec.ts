import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';
import { OWNER, RESOURCE_SERVER, STRANGER } from '../support/revocation-clients';

/** A client registered for client_secret_post: a client may use only its registered method. */
const POSTER: TestClient = {
  clientId: 'poster',
  secret: 'poster-secret',
  tokenEndpointAuthMethod: 'client_secret_post',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

describe('POST /introspect (RFC 7662)', () => {
  let server: RunningAuthServer;
  const as = (client: TestClient) => ({ authorization: basic(client.clientId, client.secret) });

  beforeAll(async () => {
    server = await startAuthServer([OWNER, STRANGER, RESOURCE_SERVER, POSTER]);
  });
  afterAll(() => server.close());

  async function issue(): Promise<{ access: string; refresh: string }> {
    const response = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      as(OWNER),
    );
    expect(response.status).toBe(200);
    return { access: response.body['access_token'] as string, refresh: response.body['refresh_token'] as string };
  }

  const introspect = (form: Record<string, string>, headers: Record<string, string> = as(OWNER)) =>
    postForm(`${server.url}/introspect`, form, headers);

  it('describes an active access token to the client it was issued to', async () => {
    const { access } = await issue();
    const response = await introspect({ token: access });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      active: true,
      scope: 'other.read',
      client_id: 'owner',
      sub: 'owner',
      aud: 'other',
      iss: server.config.issuer,
      exp: expect.any(Number),
      iat: expect.any(Number),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      token_type: 'Bearer',
    });
    expect((response.body['exp'] as number) - (response.body['iat'] as number)).toBe(900);
  });

  it('describes it to the resource server that is its audience', async () => {
    const { access } = await issue();
    const response = await introspect({ token: access }, as(RESOURCE_SERVER));
    expect(response.body).toMatchObject({ active: true, client_id: 'owner', aud: 'other' });
  });

  it('answers exactly { active: false } to a client the token does not concern', async () => {
    const { access, refresh } = await issue();
    expect((await introspect({ token: access }, as(STRANGER))).body).toEqual({ active: false });
    expect((await introspect({ token: refresh }, as(STRANGER))).body).toEqual({ active: false });
  });

  it.each([
    ['an unknown opaque token', 'no-such-token'],
    ['a malformed JWT', 'a.b.c'],
    ['a JWT signed by someone else', 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJqdGkiOiJ4In0.c2lnbmF0dXJl'],
  ])('answers exactly { active: false } for %s', async (_name, token) => {
    const response = await introspect({ token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ active: false });
  });

  it('describes an active refresh token, and not once it is rotated or expired', async () => {
    const { refresh } = await issue();
    const active = await introspect({ token: refresh, token_type_hint: 'refresh_token' });
    expect(active.body).toEqual({
      active: true,
      scope: 'other.read',
      client_id: 'owner',
      sub: 'owner',
      aud: 'other',
      iss: server.config.issuer,
      exp: expect.any(Number),
      iat: expect.any(Number),
      jti: expect.any(String),
    });
    const rotated = await postForm(
      `${server.url}/token`,
      { grant_type: 'refresh_token', refresh_token: refresh },
      as(OWNER),
    );
    expect(rotated.status).toBe(200);
    expect((await introspect({ token: refresh })).body).toEqual({ active: false });

    const child = rotated.body['refresh_token'] as string;
    await server.dataSource.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE rotated_at IS NULL`,
    );
    expect((await introspect({ token: child })).body).toEqual({ active: false });
  });

  it('treats token_type_hint as a hint only, even a wrong or unknown one', async () => {
    const { access } = await issue();
    for (const hint of ['refresh_token', 'unsupported_kind']) {
      expect((await introspect({ token: access, token_type_hint: hint })).body['active']).toBe(true);
    }
  });

  it('answers { active: false } for a revoked access token', async () => {
    const { access } = await issue();
    expect((await postForm(`${server.url}/revoke`, { token: access }, as(OWNER))).status).toBe(200);
    expect((await introspect({ token: access })).body).toEqual({ active: false });
  });

  describe('caller authentication', () => {
    it('refuses an unauthenticated caller with 401 invalid_client and a Basic challenge', async () => {
      const { access } = await issue();
      const response = await introspect({ token: access }, {});
      expect(response.status).toBe(401);
      expect(response.body['error']).toBe('invalid_client');
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    });

    it('refuses a wrong secret with Basic (401 and challenge) and with client_secret_post (401)', async () => {
      const { access } = await issue();
      const viaBasic = await introspect({ token: access }, { authorization: basic('owner', 'wrong') });
      expect(viaBasic.status).toBe(401);
      expect(viaBasic.body['error']).toBe('invalid_client');
      expect(viaBasic.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
      const viaPost = await introspect({ token: access, client_id: 'owner', client_secret: 'wrong' }, {});
      expect(viaPost.status).toBe(401);
      expect(viaPost.body['error']).toBe('invalid_client');
    });

    it('accepts client_secret_post from a client registered for it', async () => {
      const credentials = { client_id: POSTER.clientId, client_secret: POSTER.secret };
      const issued = await postForm(
        `${server.url}/token`,
        { grant_type: 'client_credentials', scope: 'other.read', ...credentials },
        {},
      );
      expect(issued.status).toBe(200);
      const response = await introspect({ token: issued.body['access_token'] as string, ...credentials }, {});
      expect(response.status).toBe(200);
      expect(response.body['active']).toBe(true);
    });
  });

  it('answers 400 invalid_request without a token parameter', async () => {
    const response = await introspect({});
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_request');
  });
});
