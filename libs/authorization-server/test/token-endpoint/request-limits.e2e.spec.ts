import { request as httpRequest } from 'node:http';
import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

/** Sends a raw request, so header sizes are not limited by the client library. */
function rawPost(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

// The body limit (413 invalid_request) is covered in token-request-errors.e2e.spec.ts.
describe('request size limits, enforced before parsing', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer(
      [{ clientId: 'svc', secret: 'svc-secret', grantTypes: ['client_credentials'], scope: 'other.read' }],
      { MAX_BODY_BYTES: '4096' },
    );
  });
  afterAll(() => server.close());

  it('answers headers larger than the server accepts with 431', async () => {
    const response = await rawPost(
      `${server.url}/token`,
      { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${'A'.repeat(20_000)}` },
      'grant_type=client_credentials',
    );
    expect(response.status).toBe(431);
  });

  it('refuses an oversized refresh token with invalid_grant, not a crash', async () => {
    const response = await postForm(
      `${server.url}/token`,
      { grant_type: 'refresh_token', refresh_token: 'r'.repeat(3_000) },
      { authorization: basic('svc', 'svc-secret') },
    );
    expect(response.status).toBe(400);
    expect(['unauthorized_client', 'invalid_grant']).toContain(response.body['error']);
  });

  it.each([
    ['a NUL in client_id (public-client path)', 'client_id=%00&grant_type=client_credentials'],
    ['a NUL in a value', 'grant_type=client_credentials&scope=other.read%00'],
    ['a NUL in a name', 'grant_type=client_credentials&sc%00ope=other.read'],
  ])('answers %s with 400 invalid_request, not a database error', async (_case, body) => {
    const response = await postForm(`${server.url}/token`, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
  });

  it('still serves a normal request afterwards', async () => {
    const response = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      { authorization: basic('svc', 'svc-secret') },
    );
    expect(response.status).toBe(200);
  });
});
