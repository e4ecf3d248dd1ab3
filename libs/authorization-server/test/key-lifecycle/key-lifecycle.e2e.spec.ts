import { createLocalJWKSet, jwtVerify } from 'jose';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import { startAuthServer, type RunningAuthServer, type TestClient } from '../support/auth-server.fixture';
import {
  OPERATOR,
  clientCredentialsToken,
  eventually,
  fetchJwks,
  kidOf,
  postAdmin,
  publishedKids,
} from '../support/tokens';

const service: TestClient = {
  clientId: 'svc',
  secret: 'svc-secret',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

/** A short schedule: rotation every 10 s, keys published 3 s ahead, reloaded every second. */
const FAST_SCHEDULE = { KEY_ROTATION_INTERVAL: '10', JWKS_MAX_AGE: '3', KEY_REFRESH_INTERVAL: '1' };

async function verifiesAgainstJwks(url: string, issuer: string, token: string): Promise<boolean> {
  const { jwks } = await fetchJwks(url);
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), { issuer, typ: 'at+jwt' });
    return true;
  } catch {
    return false;
  }
}

const statuses = async (server: RunningAuthServer): Promise<Record<string, string>> => {
  const rows: { kid: string; status: string }[] = await server.dataSource.query('SELECT kid, status FROM signing_keys');
  return Object.fromEntries(rows.map((row) => [row.kid, row.status]));
};

describe('signing-key lifecycle (ADR 0007)', () => {
  let database: TestDatabase;
  let server: RunningAuthServer;

  beforeEach(async () => {
    database = await createTestDatabase('auth_key_lifecycle');
    server = await startAuthServer([service, OPERATOR], FAST_SCHEDULE, database);
  });
  afterEach(async () => {
    await server.stop();
    await database.drop();
  });

  it('serves the JWKS with Cache-Control max-age equal to JWKS_MAX_AGE', async () => {
    const { cacheControl, jwks } = await fetchJwks(server.url);
    expect(cacheControl).toBe('public, max-age=3');
    expect(jwks.keys).toHaveLength(1);
  });

  it('rotates on schedule: the next key is published before it signs, and earlier tokens keep verifying', async () => {
    const before = await clientCredentialsToken(server.url, service, 'other.read');
    const first = kidOf(before);
    // Pretend the active key has signed for 9 of its 10 seconds: the next key is due now.
    await server.dataSource.query(`UPDATE signing_keys SET activates_at = now() - interval '9 seconds'`);

    const next = await eventually(async () => (await publishedKids(server.url)).find((kid) => kid !== first));
    const seenAt = Date.now();
    const [{ activates_at: activatesAt }]: { activates_at: Date }[] = await server.dataSource.query(
      'SELECT activates_at FROM signing_keys WHERE kid = $1',
      [next],
    );
    expect(activatesAt.getTime()).toBeGreaterThan(seenAt);

    const after = await eventually(async () => {
      const token = await clientCredentialsToken(server.url, service, 'other.read');
      return kidOf(token) === next ? token : undefined;
    });
    expect(await verifiesAgainstJwks(server.url, server.config.issuer, after)).toBe(true);
    expect(await verifiesAgainstJwks(server.url, server.config.issuer, before)).toBe(true);
    expect((await publishedKids(server.url)).sort()).toEqual([first, next].sort());
    await eventually(async () => ((await statuses(server))[first] === 'retired' ? true : undefined));
    expect((await statuses(server))[next]).toBe('active');
  });

  it('retires a key for good once every token it signed has expired', async () => {
    const first = kidOf(await clientCredentialsToken(server.url, service, 'other.read'));
    const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
    expect((await postAdmin(`${server.url}/rotate-key`, admin)).status).toBe(200);
    // Retired longer ago than the access-token lifetime plus skew: nothing it signed is still valid.
    await server.dataSource.query(`UPDATE signing_keys SET retired_at = now() - interval '2 hours' WHERE kid = $1`, [
      first,
    ]);
    await eventually(async () => ((await statuses(server))[first] === 'gone' ? true : undefined));
    const rows: { encrypted_private_jwk: string }[] = await server.dataSource.query(
      'SELECT encrypted_private_jwk FROM signing_keys WHERE kid = $1',
      [first],
    );
    expect(rows[0].encrypted_private_jwk).toBe('');
    await eventually(async () => (!(await publishedKids(server.url)).includes(first) ? true : undefined));
  });

  describe('POST /rotate-key', () => {
    it('promotes a new key at once; the previous one stays published for the tokens it signed', async () => {
      const before = await clientCredentialsToken(server.url, service, 'other.read');
      const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
      const response = await postAdmin(`${server.url}/rotate-key`, admin);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.body).toEqual({ kid: expect.any(String), previous_kid: kidOf(before) });
      const rotated = response.body['kid'] as string;
      expect(rotated).not.toBe(kidOf(before));
      expect(kidOf(await clientCredentialsToken(server.url, service, 'other.read'))).toBe(rotated);
      expect((await publishedKids(server.url)).sort()).toEqual([kidOf(before), rotated].sort());
      expect(await verifiesAgainstJwks(server.url, server.config.issuer, before)).toBe(true);
    });

    it('answers 401 invalid_token without a token and 403 insufficient_scope without server.admin', async () => {
      const anonymous = await postAdmin(`${server.url}/rotate-key`, undefined);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
      const plain = await clientCredentialsToken(server.url, OPERATOR, 'server.user');
      const forbidden = await postAdmin(`${server.url}/rotate-key`, plain);
      expect(forbidden.status).toBe(403);
      expect(forbidden.body['error']).toBe('insufficient_scope');
      expect(Object.keys(await statuses(server))).toHaveLength(1);
    });
  });

  describe('POST /revoke-key/{kid}', () => {
    it('unpublishes the key at once, deny-lists its kid and signs with another key', async () => {
      const before = await clientCredentialsToken(server.url, service, 'other.read');
      const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
      const response = await postAdmin(`${server.url}/revoke-key/${kidOf(before)}`, admin);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ kid: kidOf(before), status: 'revoked' });

      expect(await publishedKids(server.url)).not.toContain(kidOf(before));
      expect(await verifiesAgainstJwks(server.url, server.config.issuer, before)).toBe(false);
      const after = await clientCredentialsToken(server.url, service, 'other.read');
      expect(kidOf(after)).not.toBe(kidOf(before));
      expect(await publishedKids(server.url)).toEqual([kidOf(after)]);
      const denied: unknown[] = await server.dataSource.query(
        `SELECT 1 FROM deny_list WHERE kind = 'kid' AND value = $1 AND expires_at > now()`,
        [kidOf(before)],
      );
      expect(denied).toHaveLength(1);
    });

    it('answers 404 for an unknown kid', async () => {
      const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
      const response = await postAdmin(`${server.url}/revoke-key/no-such-kid`, admin);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: 'not_found', error_description: expect.any(String) });
    });
  });

  describe('two instances on one database', () => {
    let second: RunningAuthServer;

    beforeEach(async () => {
      second = await startAuthServer([service, OPERATOR], FAST_SCHEDULE, database);
    });
    afterEach(() => second.stop());

    it('share one key; a rotation or revocation on one is served by the other within seconds', async () => {
      const initial = kidOf(await clientCredentialsToken(second.url, service, 'other.read'));
      expect(kidOf(await clientCredentialsToken(server.url, service, 'other.read'))).toBe(initial);

      const admin = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
      const rotated = (await postAdmin(`${server.url}/rotate-key`, admin)).body['kid'] as string;
      await eventually(async () =>
        kidOf(await clientCredentialsToken(second.url, service, 'other.read')) === rotated ? true : undefined,
      );

      const revoked = await postAdmin(`${server.url}/revoke-key/${rotated}`, admin);
      expect(revoked.status).toBe(200);
      await eventually(async () => (!(await publishedKids(second.url)).includes(rotated) ? true : undefined));
      expect(kidOf(await clientCredentialsToken(second.url, service, 'other.read'))).not.toBe(rotated);
    });

    it('perform a scheduled rotation once, not once per instance', async () => {
      await server.dataSource.query(`UPDATE signing_keys SET activates_at = now() - interval '9 seconds'`);
      await eventually(async () => ((await publishedKids(second.url)).length === 2 ? true : undefined));
      // Several ticks of both instances later, still exactly one next key.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const counts: { status: string; count: string }[] = await server.dataSource.query(
        `SELECT status, count(*) AS count FROM signing_keys GROUP BY status`,
      );
      expect(counts.reduce((total, row) => total + Number(row.count), 0)).toBe(2);
    });
  });
});
