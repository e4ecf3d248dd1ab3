import { startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { ExpiredRowsPurger } from '../../src/lib/purge/expired-rows.purger';

describe('purge of expired rows', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer(
      [
        {
          clientId: 'svc',
          secret: 'svc-secret',
          grantTypes: ['client_credentials', 'refresh_token'],
          scope: 'other.read',
        },
      ],
      { PURGE_BATCH_SIZE: '2' },
    );
  });
  afterAll(() => server.close());

  it('deletes expired deny-list entries, family access tokens and long-expired refresh tokens in bounded batches', async () => {
    const db = server.dataSource;
    await db.query(`INSERT INTO deny_list (kind, value, expires_at)
      SELECT 'jti', 'old-' || n, now() - interval '1 minute' FROM generate_series(1, 5) AS n`);
    await db.query(`INSERT INTO deny_list (kind, value, expires_at) VALUES ('jti', 'live', now() + interval '1 hour')`);
    await db.query(`INSERT INTO refresh_family_access_tokens (jti, family_id, expires_at)
      VALUES ('gone', gen_random_uuid(), now() - interval '1 minute'), ('live', gen_random_uuid(), now() + interval '1 hour')`);
    await db.query(`INSERT INTO refresh_tokens (token_hash, family_id, client_id, subject, audience, scope, expires_at)
      VALUES ('h-old', gen_random_uuid(), 'svc', 'svc', 'other', 'other.read', now() - interval '2 days'),
             ('h-recent', gen_random_uuid(), 'svc', 'svc', 'other', 'other.read', now() - interval '1 hour')`);

    const deleted = await server.app.get(ExpiredRowsPurger).purgeOnce();
    expect(deleted).toEqual({
      refresh_tokens: 1,
      refresh_family_access_tokens: 1,
      deny_list: 5,
      authorization_codes: 0,
      sessions: 0,
      client_assertion_jtis: 0,
      failed_authentication_counters: 0,
      signing_keys: 0,
    });

    expect(await db.query(`SELECT value FROM deny_list`)).toEqual([{ value: 'live' }]);
    expect(await db.query(`SELECT jti FROM refresh_family_access_tokens`)).toEqual([{ jti: 'live' }]);
    // Kept a day past expiry, so a late replay is still recognised as reuse of a known token.
    expect(await db.query(`SELECT token_hash FROM refresh_tokens`)).toEqual([{ token_hash: 'h-recent' }]);
  });

  it('deletes long-expired authorization codes, expired sessions and expired assertion jtis', async () => {
    const db = server.dataSource;
    const [{ id: userId }] = await db.query(
      `INSERT INTO users (username, password_hash) VALUES ('purge-user', 'x') RETURNING id`,
    );
    const code = (hash: string, expiry: string) =>
      db.query(
        `INSERT INTO authorization_codes
           (code_hash, client_id, user_id, redirect_uri, scope, audience, code_challenge, refresh_token_family_id, expires_at)
         VALUES ($1, 'svc', $2, 'https://app.example/cb', 'other.read', 'other', 'c', gen_random_uuid(), now() + $3::interval)`,
        [hash, userId, expiry],
      );
    await code('code-old', '-2 days');
    await code('code-recent', '-1 minute');
    await db.query(
      `INSERT INTO sessions (token_hash, csrf_token, user_id, expires_at)
      VALUES ('s-old', 'c', $1, now() - interval '1 minute'), ('s-live', 'c', $1, now() + interval '1 hour')`,
      [userId],
    );
    await db.query(`INSERT INTO client_assertion_jtis (client_id, jti, expires_at)
      VALUES ('svc', 'j-old', now() - interval '1 minute'), ('svc', 'j-live', now() + interval '1 hour')`);

    const deleted = await server.app.get(ExpiredRowsPurger).purgeOnce();
    expect(deleted).toMatchObject({ authorization_codes: 1, sessions: 1, client_assertion_jtis: 1 });
    // A recently expired code stays, so a late replay is still recognised.
    expect(await db.query(`SELECT code_hash FROM authorization_codes`)).toEqual([{ code_hash: 'code-recent' }]);
    expect(await db.query(`SELECT token_hash FROM sessions`)).toEqual([{ token_hash: 's-live' }]);
    expect(await db.query(`SELECT jti FROM client_assertion_jtis`)).toEqual([{ jti: 'j-live' }]);
  });

  it('deletes failed-authentication counters whose window and block are long over (ADR 0013)', async () => {
    const db = server.dataSource;
    await db.query(`INSERT INTO failed_authentication_counters (key, failures, window_started_at, blocked_until)
      VALUES ('client:old', 3, now() - interval '2 days', NULL),
             ('client:old-block-over', 30, now() - interval '2 days', now() - interval '1 hour'),
             ('client:old-still-blocked', 30, now() - interval '2 days', now() + interval '1 hour'),
             ('client:recent', 1, now() - interval '1 hour', NULL)`);

    const deleted = await server.app.get(ExpiredRowsPurger).purgeOnce();
    expect(deleted).toMatchObject({ failed_authentication_counters: 2 });
    expect(await db.query(`SELECT key FROM failed_authentication_counters ORDER BY key`)).toEqual([
      { key: 'client:old-still-blocked' },
      { key: 'client:recent' },
    ]);
  });
});
