import { startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

describe('discovery (RFC 8414) and JWKS (RFC 7517)', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer(
      [
        { clientId: 'a', secret: 'a-secret', grantTypes: ['client_credentials'], scope: 'other.read other.write' },
        { clientId: 'b', secret: 'b-secret', grantTypes: ['client_credentials'], scope: 'server.admin other.read' },
      ],
      { ISSUER: 'https://auth.example.test' },
    );
  });
  afterAll(() => server.close());

  const expectedMetadata = {
    issuer: 'https://auth.example.test',
    authorization_endpoint: 'https://auth.example.test/authorize',
    token_endpoint: 'https://auth.example.test/token',
    jwks_uri: 'https://auth.example.test/.well-known/jwks.json',
    grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
    token_endpoint_auth_signing_alg_values_supported: ['RS256', 'PS256', 'ES256', 'EdDSA'],
    scopes_supported: ['other.read', 'other.write', 'server.admin'],
    revocation_endpoint: 'https://auth.example.test/revoke',
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    introspection_endpoint: 'https://auth.example.test/introspect',
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
  };

  it.each(['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'])(
    'serves the metadata of what is implemented at %s',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual(expectedMetadata);
    },
  );

  it('publishes the signing key without any private part', async () => {
    const response = await fetch(`${server.url}/.well-known/jwks.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toEqual([
      { kty: 'RSA', kid: expect.any(String), alg: 'RS256', use: 'sig', n: expect.any(String), e: 'AQAB' },
    ]);
    // RSA keys of at least 2048 bits.
    expect(Buffer.from(keys[0]['n'] as string, 'base64url').length).toBeGreaterThanOrEqual(256);
  });

  it('answers liveness', async () => {
    const response = await fetch(`${server.url}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
  });

  it('answers an unknown path with a JSON 404, not an HTML page', async () => {
    const response = await fetch(`${server.url}/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not_found', error_description: expect.any(String) });
  });
});
