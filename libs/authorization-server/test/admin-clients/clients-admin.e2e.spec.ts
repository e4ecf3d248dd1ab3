import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';
import { clientAssertion, clientKey, jwksOf, JWT_BEARER } from '../support/client-keys';

const ISSUER = 'https://auth.example.test';
const operator: TestClient = {
  clientId: 'operator',
  secret: 'operator-secret',
  grantTypes: ['client_credentials'],
  scope: 'server.admin server.user',
};

describe('client registry admin API (/clients, scope server.admin)', () => {
  let server: RunningAuthServer;
  let adminToken: string;
  let userToken: string;

  const tokenFor = async (clientId: string, secret: string, scope: string) =>
    postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope },
      { authorization: basic(clientId, secret) },
    );

  const api = async (method: string, path: string, body?: unknown, token: string | null = adminToken) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    server = await startAuthServer([operator], { ISSUER });
    adminToken = (await tokenFor('operator', operator.secret, 'server.admin')).body['access_token'] as string;
    userToken = (await tokenFor('operator', operator.secret, 'server.user')).body['access_token'] as string;
  });
  afterAll(() => server.close());

  describe('protection', () => {
    it('answers 401 without a token', async () => {
      const response = await api('GET', '/clients', undefined, null);
      expect(response.status).toBe(401);
      expect(response.body['error']).toBe('invalid_token');
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="server"/);
    });

    it('answers 401 with a token that is not valid', async () => {
      const response = await api('POST', '/clients', { scope: 'other.read' }, 'not-a-token');
      expect(response.status).toBe(401);
      expect(response.body['error']).toBe('invalid_token');
    });

    it('answers 403 insufficient_scope with a token lacking server.admin', async () => {
      for (const [method, path] of [
        ['GET', '/clients'],
        ['POST', '/clients'],
        ['DELETE', '/clients/operator'],
        ['POST', '/clients/operator/rotate-secret'],
      ]) {
        const response = await api(method, path, method === 'POST' ? {} : undefined, userToken);
        expect(response.status).toBe(403);
        expect(response.body['error']).toBe('insufficient_scope');
        expect(response.headers.get('www-authenticate')).toMatch(/error="insufficient_scope"/);
      }
    });
  });

  it('creates, uses, reads, lists, updates, rotates and deletes a secret client', async () => {
    // Create: the server makes the client_id and the secret, and shows the secret this once.
    const created = await api('POST', '/clients', {
      client_name: 'Billing',
      grant_types: ['client_credentials'],
      scope: 'other.read',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.body).toEqual({
      client_id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      client_id_issued_at: expect.any(Number),
      updated_at: expect.any(Number),
      client_name: 'Billing',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      scope: 'other.read',
      redirect_uris: [],
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_secret_expires_at: 0,
    });
    const clientId = created.body['client_id'] as string;
    const firstSecret = created.body['client_secret'] as string;
    const rows: { secret_hash: string }[] = await server.dataSource.query(
      `SELECT secret_hash FROM oauth_clients WHERE client_id = $1`,
      [clientId],
    );
    expect(rows[0].secret_hash).toMatch(/^\$2[aby]\$12\$/);

    // Use it.
    expect((await tokenFor(clientId, firstSecret, 'other.read')).status).toBe(200);

    // Read and list: no secret, no hash.
    const read = await api('GET', `/clients/${clientId}`);
    expect(read.status).toBe(200);
    const registered = { ...created.body };
    delete registered['client_secret'];
    delete registered['client_secret_expires_at'];
    expect(read.body).toEqual(registered);
    const listed = await api('GET', '/clients');
    expect(listed.status).toBe(200);
    expect(listed.body['clients'].map((client: { client_id: string }) => client.client_id)).toEqual(
      [clientId, 'operator'].sort(),
    );
    expect(JSON.stringify(listed.body)).not.toMatch(/secret_hash|\$2[aby]\$/);

    // Update: the new scope applies at once; the secret stays.
    const updated = await api('PUT', `/clients/${clientId}`, {
      client_id: clientId,
      client_name: 'Billing v2',
      grant_types: ['client_credentials'],
      scope: 'other.read other.write',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ client_name: 'Billing v2', scope: 'other.read other.write' });
    expect(updated.body['client_secret']).toBeUndefined();
    const widened = await tokenFor(clientId, firstSecret, 'other.write');
    expect(widened.status).toBe(200);

    // Rotate: the new secret works, and the old one still does during the overlap window.
    const rotated = await api('POST', `/clients/${clientId}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body).toEqual({
      client_id: clientId,
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_secret_expires_at: 0,
      previous_client_secret_expires_at: expect.any(Number),
    });
    const secondSecret = rotated.body['client_secret'] as string;
    expect(secondSecret).not.toBe(firstSecret);
    expect(rotated.body['previous_client_secret_expires_at']).toBeGreaterThan(Date.now() / 1000 + 86_000);
    expect((await tokenFor(clientId, secondSecret, 'other.read')).status).toBe(200);
    expect((await tokenFor(clientId, firstSecret, 'other.read')).status).toBe(200);

    // Once the overlap window has passed, only the new secret works.
    await server.dataSource.query(
      `UPDATE oauth_clients SET previous_secret_expires_at = now() - interval '1 second' WHERE client_id = $1`,
      [clientId],
    );
    // The registry cache hears of the row change through its NOTIFY trigger, a moment later (ADR 0004).
    let expired = await tokenFor(clientId, firstSecret, 'other.read');
    for (let attempt = 0; attempt < 50 && expired.status === 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expired = await tokenFor(clientId, firstSecret, 'other.read');
    }
    expect(expired.status).toBe(401);
    expect(expired.body['error']).toBe('invalid_client');
    expect((await tokenFor(clientId, secondSecret, 'other.read')).status).toBe(200);

    // Delete: gone from the registry and from the token endpoint.
    const deleted = await api('DELETE', `/clients/${clientId}`);
    expect(deleted.status).toBe(204);
    expect((await api('GET', `/clients/${clientId}`)).status).toBe(404);
    const afterDelete = await tokenFor(clientId, secondSecret, 'other.read');
    expect(afterDelete.status).toBe(401);
    expect(afterDelete.body['error']).toBe('invalid_client');
    // A dozen bcrypt runs at cost 12 (hashing and checking) on a shared 2-core machine.
  }, 60_000);

  it('registers a private_key_jwt client with its public JWKS, and no secret', async () => {
    const key = await clientKey('ES256', 'api-key-1');
    const created = await api('POST', '/clients', {
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: jwksOf(key),
      token_endpoint_auth_signing_alg: 'ES256',
      scope: 'other.read',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: jwksOf(key),
      token_endpoint_auth_signing_alg: 'ES256',
    });
    expect(created.body['client_secret']).toBeUndefined();
    const clientId = created.body['client_id'] as string;

    const response = await postForm(`${server.url}/token`, {
      grant_type: 'client_credentials',
      scope: 'other.read',
      client_assertion_type: JWT_BEARER,
      client_assertion: await clientAssertion(key, clientId, ISSUER),
    });
    expect(response.status).toBe(200);

    const rotate = await api('POST', `/clients/${clientId}/rotate-secret`);
    expect(rotate.status).toBe(400);
    expect(rotate.body['error']).toBe('invalid_client_metadata');
  });

  describe('validation (RFC 7591 §3.2.2 invalid_client_metadata)', () => {
    const privateKey = async () => {
      const key = await clientKey('ES256', 'leaky');
      const { exportJWK } = await import('jose');
      return { keys: [{ ...(await exportJWK(key.privateKey)), kid: 'leaky' }] };
    };

    it.each([
      ['a malformed scope', { scope: 'other..read  x' }, 'scope'],
      ['an unknown auth method', { token_endpoint_auth_method: 'client_secret_jwt' }, 'token_endpoint_auth_method'],
      ['an unsupported grant type', { grant_types: ['password'] }, 'grant_types'],
      ['private_key_jwt without keys', { token_endpoint_auth_method: 'private_key_jwt' }, 'jwks'],
      ['keys for a secret client', { jwks: { keys: [] } }, 'jwks'],
      [
        'a symmetric key',
        { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } },
        'jwks',
      ],
      [
        'an HMAC algorithm',
        {
          token_endpoint_auth_method: 'private_key_jwt',
          jwks_uri: 'https://x.test/jwks',
          token_endpoint_auth_signing_alg: 'HS256',
        },
        'token_endpoint_auth_signing_alg',
      ],
      ['a redirect URI that is not a URL', { redirect_uris: ['not a url'] }, 'redirect_uris'],
      ['a client_id of its own choosing', { client_id: 'mine' }, 'client_id'],
      ['no JSON object', 'just a string', 'body'],
    ])('refuses %s with a clear 400', async (_case, body, field) => {
      const response = await api('POST', '/clients', body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'invalid_client_metadata',
        error_description: expect.stringContaining(field),
      });
    });

    it('refuses a private key in jwks, so no private key ever lands in the registry', async () => {
      const response = await api('POST', '/clients', {
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: await privateKey(),
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'invalid_client_metadata',
        error_description: expect.stringContaining('must be a public key'),
      });
    });
  });

  describe('unknown clients', () => {
    it.each([
      ['GET', '/clients/nobody', undefined],
      ['PUT', '/clients/nobody', { scope: 'other.read' }],
      ['DELETE', '/clients/nobody', undefined],
      ['POST', '/clients/nobody/rotate-secret', undefined],
    ])('answers %s %s with 404', async (method, path, body) => {
      const response = await api(method, path, body);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: 'not_found', error_description: 'No such client' });
    });
  });
});
