import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

const ISSUER = 'https://auth.example.test';
const OPERATOR = {
  clientId: 'operator',
  secret: 'operator-secret',
  grantTypes: ['client_credentials'],
  scope: 'server.admin',
};

/**
 * In production a client's keys are fetched only over https: keys from a plain-http jwks_uri can be replaced by anyone
 * on the path and would then authenticate them as the client (RFC 8725 §3.10). RFC 7591 §3.2.2: the admin API answers
 * such metadata with 400 invalid_client_metadata and registers nothing.
 */
describe('jwks_uri over plain http in production (RFC 7591 §3.2.2)', () => {
  let server: RunningAuthServer;
  let adminToken: string;

  beforeAll(async () => {
    server = await startAuthServer([OPERATOR], { NODE_ENV: 'production', ISSUER });
    const token = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'server.admin' },
      { authorization: basic(OPERATOR.clientId, OPERATOR.secret) },
    );
    adminToken = token.body['access_token'] as string;
  });
  afterAll(() => server.close());

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  const keyClient = (jwksUri: string) => ({
    client_name: 'Keys over the network',
    token_endpoint_auth_method: 'private_key_jwt',
    jwks_uri: jwksUri,
    grant_types: ['client_credentials'],
    scope: 'other.read',
  });

  it.each(['http://keys.example.test/jwks.json', 'http://127.0.0.1:8080/jwks.json', 'HTTP://KEYS.EXAMPLE.TEST/jwks'])(
    'refuses to register %s and stores nothing',
    async (jwksUri) => {
      const response = await api('POST', '/clients', keyClient(jwksUri));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'invalid_client_metadata',
        error_description: 'jwks_uri: must be an https URL in production',
      });
      expect(response.headers.get('cache-control')).toBe('no-store');
      const listed = await api('GET', '/clients');
      expect(listed.body.clients.map((client: { client_id: string }) => client.client_id)).toEqual(['operator']);
    },
  );

  it('registers an https jwks_uri, and refuses to change it to http', async () => {
    const created = await api('POST', '/clients', keyClient('https://keys.example.test/jwks.json'));
    expect(created.status).toBe(201);
    const clientId = created.body['client_id'] as string;

    const updated = await api('PUT', `/clients/${clientId}`, keyClient('http://keys.example.test/jwks.json'));
    expect(updated.status).toBe(400);
    expect(updated.body['error']).toBe('invalid_client_metadata');
    expect((await api('GET', `/clients/${clientId}`)).body['jwks_uri']).toBe('https://keys.example.test/jwks.json');
  });
});
