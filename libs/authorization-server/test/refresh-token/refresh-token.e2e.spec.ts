import { hashToken } from '@oauth/tokens';
import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';

const renewing: TestClient = {
  clientId: 'renewing',
  secret: 'renewing-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read other.write',
};
const otherClient: TestClient = {
  clientId: 'another',
  secret: 'another-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read other.write',
};

describe('refresh_token grant (RFC 6749 §6, rotation per RFC 9700 §4.14.2)', () => {
  let server: RunningAuthServer;
  let tokenUrl: string;
  const auth = { authorization: basic(renewing.clientId, renewing.secret) };

  beforeAll(async () => {
    server = await startAuthServer([renewing, otherClient]);
    tokenUrl = `${server.url}/token`;
  });
  afterAll(() => server.close());

  async function issueRefreshToken(scope = 'other.read other.write'): Promise<string> {
    const response = await postForm(tokenUrl, { grant_type: 'client_credentials', scope }, auth);
    expect(response.status).toBe(200);
    return response.body['refresh_token'] as string;
  }

  const refresh = (refreshToken: string, extra: Record<string, string> = {}, headers = auth) =>
    postForm(tokenUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra }, headers);

  it('issues a new access token and a new refresh token with the stored scope', async () => {
    const first = await issueRefreshToken();
    const response = await refresh(first);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'other.read other.write',
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(response.body['refresh_token']).not.toBe(first);
  });

  it('narrows the access token to a requested subset, keeping the family scope', async () => {
    const first = await issueRefreshToken();
    const narrowed = await refresh(first, { scope: 'other.read' });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body['scope']).toBe('other.read');
    // RFC 6749 §6: the new refresh token carries the original scope.
    const again = await refresh(narrowed.body['refresh_token'] as string);
    expect(again.body['scope']).toBe('other.read other.write');
  });

  it('refuses a scope beyond the original with invalid_scope and leaves the token usable', async () => {
    const first = await issueRefreshToken('other.read');
    const widened = await refresh(first, { scope: 'other.read other.write' });
    expect(widened.status).toBe(400);
    expect(widened.body['error']).toBe('invalid_scope');
    expect((await refresh(first)).status).toBe(200);
  });

  it('rotates: the old refresh token stops working', async () => {
    const first = await issueRefreshToken();
    expect((await refresh(first)).status).toBe(200);
    const reused = await refresh(first);
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
  });

  it('revokes the whole family when a rotated token is presented again', async () => {
    const first = await issueRefreshToken();
    const second = (await refresh(first)).body['refresh_token'] as string;
    const third = (await refresh(second)).body['refresh_token'] as string;

    expect((await refresh(first)).body['error']).toBe('invalid_grant');

    const afterReuse = await refresh(third);
    expect(afterReuse.status).toBe(400);
    expect(afterReuse.body['error']).toBe('invalid_grant');
    const family: { revoked: number; total: number }[] = await server.dataSource.query(
      `SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked, count(*)::int AS total
         FROM refresh_tokens WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
      [hashToken(third)],
    );
    expect(family).toEqual([{ revoked: 3, total: 3 }]);
  });

  it('lets exactly one of two concurrent redemptions succeed', async () => {
    for (let round = 0; round < 5; round++) {
      const token = await issueRefreshToken();
      const results = await Promise.all([refresh(token), refresh(token)]);
      const statuses = results.map((result) => result.status).sort();
      expect(statuses).toEqual([200, 400]);
      expect(results.find((result) => result.status === 400)?.body['error']).toBe('invalid_grant');
    }
  });

  it('refuses a refresh token issued to another client with invalid_grant, without consuming it', async () => {
    const token = await issueRefreshToken();
    const foreign = await refresh(token, {}, { authorization: basic(otherClient.clientId, otherClient.secret) });
    expect(foreign.status).toBe(400);
    expect(foreign.body['error']).toBe('invalid_grant');
    expect((await refresh(token)).status).toBe(200);
  });

  it('refuses an unknown refresh token with invalid_grant', async () => {
    const response = await refresh('not-a-token-we-issued');
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_grant');
  });

  it('refuses an expired refresh token with invalid_grant', async () => {
    const token = await issueRefreshToken();
    await server.dataSource.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE rotated_at IS NULL AND revoked_at IS NULL`,
    );
    const response = await refresh(token);
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_grant');
  });

  it('requires the refresh_token parameter', async () => {
    const response = await postForm(tokenUrl, { grant_type: 'refresh_token' }, auth);
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_request');
  });

  it('requires client authentication (RFC 6749 §6)', async () => {
    const token = await issueRefreshToken();
    const response = await postForm(tokenUrl, {
      grant_type: 'refresh_token',
      refresh_token: token,
      client_id: 'renewing',
    });
    expect(response.status).toBe(401);
    expect(response.body['error']).toBe('invalid_client');
  });
});
