import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';

const service: TestClient = {
  clientId: 'service',
  secret: 'correct horse battery staple',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};
const special: TestClient = {
  clientId: 'a:b c',
  secret: 's+/=%:é',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

const posting: TestClient = {
  clientId: 'posting',
  secret: 'posting secret',
  tokenEndpointAuthMethod: 'client_secret_post',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

const okForm = { grant_type: 'client_credentials', scope: 'other.read' };

describe('token endpoint errors (RFC 6749 §5.2)', () => {
  let server: RunningAuthServer;
  let tokenUrl: string;
  const auth = { authorization: basic(service.clientId, service.secret) };

  beforeAll(async () => {
    server = await startAuthServer([service, special, posting], { MAX_BODY_BYTES: '2048' });
    tokenUrl = `${server.url}/token`;
  });
  afterAll(() => server.close());

  const expectError = (
    response: { status: number; headers: Headers; body: Record<string, unknown> },
    status: number,
    error: string,
  ) => {
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error, error_description: expect.any(String) });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  };

  describe('client authentication (RFC 6749 §2.3.1)', () => {
    it('decodes form-url-encoded Basic credentials', async () => {
      const response = await postForm(tokenUrl, okForm, { authorization: basic(special.clientId, special.secret) });
      expect(response.status).toBe(200);
    });

    it('answers a wrong Basic secret with 401 invalid_client and a Basic challenge', async () => {
      const response = await postForm(tokenUrl, okForm, { authorization: basic('service', 'wrong') });
      expectError(response, 401, 'invalid_client');
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="token"/);
    });

    it('answers an unknown client exactly like a wrong secret', async () => {
      const wrongSecret = await postForm(tokenUrl, okForm, { authorization: basic('service', 'wrong') });
      const unknown = await postForm(tokenUrl, okForm, { authorization: basic('nobody', 'wrong') });
      expect(unknown.status).toBe(wrongSecret.status);
      expect(unknown.body).toEqual(wrongSecret.body);
      expect(unknown.headers.get('www-authenticate')).toBe(wrongSecret.headers.get('www-authenticate'));
    });

    it('answers a wrong client_secret_post secret with 401 invalid_client and no Basic challenge', async () => {
      const response = await postForm(tokenUrl, { ...okForm, client_id: 'posting', client_secret: 'wrong' });
      expectError(response, 401, 'invalid_client');
      expect(response.headers.get('www-authenticate')).toBeNull();
    });

    it('answers a request without client authentication with 401 invalid_client', async () => {
      const response = await postForm(tokenUrl, { ...okForm, client_id: 'service' });
      expectError(response, 401, 'invalid_client');
    });

    it('refuses two authentication methods in one request with invalid_request (RFC 6749 §2.3)', async () => {
      const response = await postForm(
        tokenUrl,
        { ...okForm, client_id: 'service', client_secret: service.secret },
        auth,
      );
      expectError(response, 400, 'invalid_request');
    });

    it('refuses a body client_id that differs from the Basic one', async () => {
      const response = await postForm(tokenUrl, { ...okForm, client_id: 'other' }, auth);
      expectError(response, 400, 'invalid_request');
    });

    it.each([
      ['not base64', 'Basic ***'],
      ['without a colon', `Basic ${Buffer.from('service').toString('base64')}`],
      ['with a broken percent-encoding', `Basic ${Buffer.from('serv%E0ice:x').toString('base64')}`],
      ['of another scheme', 'Bearer abc'],
    ])('refuses an Authorization header %s with invalid_request', async (_case, authorization) => {
      const response = await postForm(tokenUrl, okForm, { authorization });
      expectError(response, 400, 'invalid_request');
    });

    it('refuses a secret longer than bcrypt reads (72 bytes) instead of truncating it', async () => {
      const response = await postForm(tokenUrl, okForm, {
        authorization: basic('service', service.secret + 'x'.repeat(80)),
      });
      expectError(response, 401, 'invalid_client');
    });
  });

  describe('request format', () => {
    it('refuses a JSON body with invalid_request (RFC 6749 §3.2)', async () => {
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify(okForm),
      });
      expectError(
        {
          status: response.status,
          headers: response.headers,
          body: (await response.json()) as Record<string, unknown>,
        },
        400,
        'invalid_request',
      );
    });

    it('refuses an unknown content type with invalid_request', async () => {
      const response = await fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', ...auth },
        body: 'grant_type=client_credentials',
      });
      expectError(
        {
          status: response.status,
          headers: response.headers,
          body: (await response.json()) as Record<string, unknown>,
        },
        400,
        'invalid_request',
      );
    });

    it('refuses a repeated parameter with invalid_request (RFC 6749 §3.1)', async () => {
      const response = await postForm(
        tokenUrl,
        'grant_type=client_credentials&scope=other.read&scope=other.read',
        auth,
      );
      expectError(response, 400, 'invalid_request');
      expect(response.body['error_description']).toContain('scope');
    });

    it('refuses a body over the configured limit with 413 invalid_request', async () => {
      const response = await postForm(tokenUrl, { ...okForm, padding: 'x'.repeat(4096) }, auth);
      expectError(response, 413, 'invalid_request');
    });

    it('refuses a missing grant_type with invalid_request', async () => {
      const response = await postForm(tokenUrl, { scope: 'other.read' }, auth);
      expectError(response, 400, 'invalid_request');
    });

    it('refuses an unknown grant_type with unsupported_grant_type', async () => {
      const response = await postForm(tokenUrl, { grant_type: 'password', username: 'u', password: 'p' }, auth);
      expectError(response, 400, 'unsupported_grant_type');
    });

    it('refuses a grant the client is not registered for with unauthorized_client', async () => {
      const response = await postForm(tokenUrl, { grant_type: 'refresh_token', refresh_token: 'x' }, auth);
      expectError(response, 400, 'unauthorized_client');
    });

    it('does not answer GET on the token endpoint', async () => {
      const response = await fetch(tokenUrl);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found', error_description: expect.any(String) });
    });

    it('never echoes a stack trace', async () => {
      const response = await postForm(tokenUrl, '%%%&&&===', auth);
      expect(JSON.stringify(response.body)).not.toMatch(/at .+\.(ts|js):\d+/);
      expect(response.status).toBeLessThan(500);
    });
  });
});
