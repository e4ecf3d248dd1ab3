import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

const client = {
  clientId: 'svc',
  secret: 'svc-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read',
};
const CLIENT_TABLES = ['refresh_tokens', 'authorization_codes', 'consents', 'client_assertion_jtis'];

/**
 * Rows per client_id no longer reference oauth_clients (an app's own client registry holds clients elsewhere,
 * migration 1764800000000); deleting a client of the Postgres registry must still delete them, as the foreign keys'
 * ON DELETE CASCADE did.
 */
describe('rows of a deleted client', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer([client]);
  });
  afterAll(() => server.close());

  const countRows = async (clientId: string): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const table of CLIENT_TABLES) {
      const [row] = await server.dataSource.query(`SELECT count(*)::int AS count FROM ${table} WHERE client_id = $1`, [
        clientId,
      ]);
      counts[table] = row.count;
    }
    return counts;
  };

  const addRowsFor = async (clientId: string) => {
    const [user] = await server.dataSource.query(
      `INSERT INTO users (username, password_hash) VALUES ($1, $2) RETURNING id`,
      [`user-of-${clientId}`, 'x'.repeat(60)],
    );
    await server.dataSource.query(`INSERT INTO consents (user_id, client_id, scope) VALUES ($1, $2, 'other.read')`, [
      user.id,
      clientId,
    ]);
    await server.dataSource.query(
      `INSERT INTO authorization_codes
         (code_hash, client_id, user_id, redirect_uri, scope, audience, code_challenge, refresh_token_family_id, expires_at)
       VALUES ($1, $2, $3, 'https://app.example/cb', 'other.read', 'other', $4, gen_random_uuid(), now() + interval '1 minute')`,
      [`code-of-${clientId}`, clientId, user.id, 'c'.repeat(43)],
    );
    await server.dataSource.query(
      `INSERT INTO client_assertion_jtis (client_id, jti, expires_at) VALUES ($1, 'jti-1', now() + interval '1 minute')`,
      [clientId],
    );
  };

  it('deletes its refresh tokens, codes, consents and assertion jtis with it', async () => {
    const issued = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      { authorization: basic(client.clientId, client.secret) },
    );
    expect(issued.body['refresh_token']).toEqual(expect.any(String));
    await addRowsFor(client.clientId);
    expect(await countRows(client.clientId)).toEqual({
      refresh_tokens: 1,
      authorization_codes: 1,
      consents: 1,
      client_assertion_jtis: 1,
    });

    await server.dataSource.query(`DELETE FROM oauth_clients WHERE client_id = $1`, [client.clientId]);

    expect(await countRows(client.clientId)).toEqual({
      refresh_tokens: 0,
      authorization_codes: 0,
      consents: 0,
      client_assertion_jtis: 0,
    });
  });

  it('stores rows of a client that is not in oauth_clients, as an own client registry needs', async () => {
    await addRowsFor('kept-elsewhere');
    expect(await countRows('kept-elsewhere')).toMatchObject({ authorization_codes: 1, consents: 1 });
  });
});
