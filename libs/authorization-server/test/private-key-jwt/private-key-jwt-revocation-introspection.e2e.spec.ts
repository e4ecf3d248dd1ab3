import { postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { clientAssertion, clientKey, jwksOf, JWT_BEARER, type ClientKey } from '../support/client-keys';

const ISSUER = 'https://auth.example.test';

/** RFC 7523 client authentication holds at every endpoint where clients authenticate, not only /token. */
describe('private_key_jwt at the revocation (RFC 7009) and introspection (RFC 7662) endpoints', () => {
  let server: RunningAuthServer;
  let key: ClientKey;
  let strangerKey: ClientKey;

  beforeAll(async () => {
    [key, strangerKey] = await Promise.all([clientKey('ES256', 'keyed-1'), clientKey('ES256', 'stranger-1')]);
    server = await startAuthServer(
      [
        {
          clientId: 'keyed',
          tokenEndpointAuthMethod: 'private_key_jwt',
          jwks: jwksOf(key),
          grantTypes: ['client_credentials', 'refresh_token'],
          scope: 'other.read',
        },
      ],
      { ISSUER },
    );
  });
  afterAll(() => server.close());

  const authenticated = async (form: Record<string, string>, signingKey = key) => ({
    ...form,
    client_assertion_type: JWT_BEARER,
    client_assertion: await clientAssertion(signingKey, 'keyed', ISSUER),
  });

  async function issue(): Promise<{ access: string; refresh: string }> {
    const response = await postForm(
      `${server.url}/token`,
      await authenticated({ grant_type: 'client_credentials', scope: 'other.read' }),
    );
    expect(response.status).toBe(200);
    return { access: response.body['access_token'] as string, refresh: response.body['refresh_token'] as string };
  }

  it('introspects its own access token when authenticated with an assertion', async () => {
    const { access } = await issue();
    const response = await postForm(`${server.url}/introspect`, await authenticated({ token: access }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ active: true, client_id: 'keyed', aud: 'other', scope: 'other.read' });
  });

  it('refuses introspection with an assertion signed by a key the client did not register (401 invalid_client)', async () => {
    const { access } = await issue();
    const response = await postForm(`${server.url}/introspect`, await authenticated({ token: access }, strangerKey));
    expect(response.status).toBe(401);
    expect(response.body['error']).toBe('invalid_client');
  });

  it('refuses a replayed assertion at the introspection endpoint', async () => {
    const { access } = await issue();
    const form = await authenticated({ token: access });
    expect((await postForm(`${server.url}/introspect`, form)).status).toBe(200);
    const replayed = await postForm(`${server.url}/introspect`, form);
    expect(replayed.status).toBe(401);
    expect(replayed.body['error']).toBe('invalid_client');
  });

  it('revokes its refresh token when authenticated with an assertion, and the token is dead afterwards', async () => {
    const { refresh } = await issue();
    const revoked = await postForm(`${server.url}/revoke`, await authenticated({ token: refresh }));
    expect(revoked.status).toBe(200);
    const refreshed = await postForm(
      `${server.url}/token`,
      await authenticated({ grant_type: 'refresh_token', refresh_token: refresh }),
    );
    expect(refreshed.status).toBe(400);
    expect(refreshed.body['error']).toBe('invalid_grant');
  });

  it('refuses revocation with an assertion for the wrong audience (401 invalid_client), revoking nothing', async () => {
    const { refresh } = await issue();
    const form = {
      token: refresh,
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion(key, 'keyed', `${ISSUER}/token`),
    };
    const response = await postForm(`${server.url}/revoke`, form);
    expect(response.status).toBe(401);
    expect(response.body['error']).toBe('invalid_client');
    const refreshed = await postForm(
      `${server.url}/token`,
      await authenticated({ grant_type: 'refresh_token', refresh_token: refresh }),
    );
    expect(refreshed.status).toBe(200);
  });
});
