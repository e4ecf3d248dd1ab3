import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';
import { OWNER, STRANGER } from '../support/revocation-clients';

describe('POST /revoke (RFC 7009)', () => {
  let server: RunningAuthServer;
  const as = (client: TestClient) => ({ authorization: basic(client.clientId, client.secret) });

  beforeAll(async () => {
    server = await startAuthServer([OWNER, STRANGER]);
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

  const revoke = (form: Record<string, string>, headers: Record<string, string> = as(OWNER)) =>
    postForm(`${server.url}/revoke`, form, headers);
  const isActive = async (token: string) =>
    (await postForm(`${server.url}/introspect`, { token }, as(OWNER))).body['active'] as boolean;
  const deniedCount = async (): Promise<number> =>
    Number((await server.dataSource.query(`SELECT count(*) AS n FROM deny_list WHERE kind = 'jti'`))[0].n);

  it('deny-lists an access token until it expires', async () => {
    const { access } = await issue();
    const response = await revoke({ token: access, token_type_hint: 'access_token' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({});
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await isActive(access)).toBe(false);
    const jti = JSON.parse(Buffer.from(access.split('.')[1], 'base64url').toString())['jti'];
    const exp = JSON.parse(Buffer.from(access.split('.')[1], 'base64url').toString())['exp'];
    const rows: { expires_at: Date }[] = await server.dataSource.query(
      `SELECT expires_at FROM deny_list WHERE kind = 'jti' AND value = $1`,
      [jti],
    );
    expect(rows.map((row) => row.expires_at.getTime() / 1000)).toEqual([exp]);
  });

  it('revokes the whole family of a refresh token, and the access tokens issued with it', async () => {
    const { access, refresh } = await issue();
    const rotated = await postForm(
      `${server.url}/token`,
      { grant_type: 'refresh_token', refresh_token: refresh },
      as(OWNER),
    );
    const child = rotated.body['refresh_token'] as string;
    const childAccess = rotated.body['access_token'] as string;

    // An unsupported hint is only a hint: the refresh token is still found.
    expect((await revoke({ token: child, token_type_hint: 'something_else' })).status).toBe(200);
    const refused = await postForm(
      `${server.url}/token`,
      { grant_type: 'refresh_token', refresh_token: child },
      as(OWNER),
    );
    expect(refused.status).toBe(400);
    expect(refused.body['error']).toBe('invalid_grant');
    expect(await isActive(access)).toBe(false);
    expect(await isActive(childAccess)).toBe(false);
  });

  it.each([
    ['an unknown token', 'no-such-token'],
    ['a malformed JWT', 'x.y.z'],
  ])('answers 200 and revokes nothing for %s', async (_name, token) => {
    const before = await deniedCount();
    const response = await revoke({ token });
    expect(response.status).toBe(200);
    expect(await deniedCount()).toBe(before);
  });

  it("answers 200 and revokes nothing for another client's tokens", async () => {
    const { access, refresh } = await issue();
    expect((await revoke({ token: access }, as(STRANGER))).status).toBe(200);
    expect((await revoke({ token: refresh }, as(STRANGER))).status).toBe(200);
    expect(await isActive(access)).toBe(true);
    expect(await isActive(refresh)).toBe(true);
  });

  it('refuses an unauthenticated or wrongly authenticated caller with 401 invalid_client', async () => {
    const { access } = await issue();
    const anonymous = await revoke({ token: access }, {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body['error']).toBe('invalid_client');
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const wrong = await revoke({ token: access }, { authorization: basic('owner', 'nope') });
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toBe('invalid_client');
    expect(await isActive(access)).toBe(true);
  });

  it('answers 400 invalid_request without a token, or with a repeated one', async () => {
    const missing = await revoke({});
    expect(missing.status).toBe(400);
    expect(missing.body['error']).toBe('invalid_request');
    const repeated = await postForm(`${server.url}/revoke`, 'token=a&token=b', as(OWNER));
    expect(repeated.status).toBe(400);
    expect(repeated.body['error']).toBe('invalid_request');
  });
});
