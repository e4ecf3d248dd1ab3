import { startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { ExpiredRowsPurger } from '../../src/purge/expired-rows.purger';

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
    expect(deleted).toEqual({ refresh_tokens: 1, refresh_family_access_tokens: 1, deny_list: 5, signing_keys: 0 });

    expect(await db.query(`SELECT value FROM deny_list`)).toEqual([{ value: 'live' }]);
    expect(await db.query(`SELECT jti FROM refresh_family_access_tokens`)).toEqual([{ jti: 'live' }]);
    // Kept a day past expiry, so a late replay is still recognised as reuse of a known token.
    expect(await db.query(`SELECT token_hash FROM refresh_tokens`)).toEqual([{ token_hash: 'h-recent' }]);
  });
});
