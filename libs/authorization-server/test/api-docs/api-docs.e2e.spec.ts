import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

/** The parts of an OpenAPI 3 document these tests read. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
}
interface Schema {
  required?: string[];
  properties?: Record<string, { enum?: string[] }>;
}
interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> }>;
}

/** The `error` codes the document gives a status of an operation. */
const documentedErrors = (operation: Operation, status: number) =>
  operation.responses[String(status)]?.content?.['application/json']?.schema.properties?.['error']?.enum;

describe('OpenAPI document and Swagger UI at /docs (CONTRACT.md: development only)', () => {
  let server: RunningAuthServer;
  let document: OpenApiDocument;

  beforeAll(async () => {
    server = await startAuthServer([
      { clientId: 'svc', secret: 'svc-secret', grantTypes: ['client_credentials'], scope: 'other.read' },
    ]);
    const response = await fetch(`${server.url}/docs-json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => server?.close());

  it('is an OpenAPI 3 document', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it.each([
    ['/.well-known/oauth-authorization-server', ['get']],
    ['/.well-known/openid-configuration', ['get']],
    ['/.well-known/jwks.json', ['get']],
    ['/token', ['post']],
    ['/authorize', ['get']],
    ['/authorize/login', ['post']],
    ['/authorize/consent', ['post']],
    ['/revoke', ['post']],
    ['/introspect', ['post']],
    ['/rotate-key', ['post']],
    ['/revoke-key/{kid}', ['post']],
    ['/blacklist', ['post']],
    ['/clients', ['get', 'post']],
    ['/clients/{clientId}', ['delete', 'get', 'put']],
    ['/clients/{clientId}/rotate-secret', ['post']],
    ['/deny-list', ['get']],
    ['/health/live', ['get']],
    ['/health/ready', ['get']],
    ['/metrics', ['get']],
  ])('lists %s with its methods %j', (path, methods) => {
    expect(Object.keys(document.paths[path] ?? {}).sort()).toEqual(methods);
  });

  it('describes the token endpoint as form-encoded, with the grants the metadata advertises (RFC 6749 §3.2)', async () => {
    const body = document.paths['/token']['post'].requestBody;
    expect(Object.keys(body?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    const schema = body?.content['application/x-www-form-urlencoded'].schema;
    expect(schema?.required).toEqual(['grant_type']);
    const metadata = (await (await fetch(`${server.url}/.well-known/oauth-authorization-server`)).json()) as {
      grant_types_supported: string[];
    };
    expect(schema?.properties?.['grant_type'].enum).toEqual(metadata.grant_types_supported);
    expect(Object.keys(schema?.properties ?? {}).sort()).toEqual([
      'client_assertion',
      'client_assertion_type',
      'client_id',
      'client_secret',
      'code',
      'code_verifier',
      'grant_type',
      'redirect_uri',
      'refresh_token',
      'scope',
    ]);
  });

  it('describes the token errors the endpoint really sends, with the Basic challenge on 401 (RFC 6749 §5.2)', async () => {
    const operation = document.paths['/token']['post'];
    expect(operation.security).toEqual([{ client_secret_basic: [] }, {}]);
    expect(document.components.securitySchemes['client_secret_basic']).toMatchObject({ type: 'http', scheme: 'basic' });

    const wrongSecret = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      {
        authorization: basic('svc', 'wrong'),
      },
    );
    expect(wrongSecret.status).toBe(401);
    expect(documentedErrors(operation, 401)).toContain(wrongSecret.body['error']);
    expect(wrongSecret.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(operation.responses['401'].headers).toHaveProperty('WWW-Authenticate');

    const unsupported = await postForm(
      `${server.url}/token`,
      { grant_type: 'password' },
      {
        authorization: basic('svc', 'svc-secret'),
      },
    );
    expect(unsupported.status).toBe(400);
    expect(documentedErrors(operation, 400)).toContain(unsupported.body['error']);
    expect(documentedErrors(operation, 400)).toEqual(
      expect.arrayContaining(['invalid_request', 'invalid_grant', 'unauthorized_client', 'invalid_scope']),
    );
    expect(operation.responses['200'].content?.['application/json'].schema.required).toEqual([
      'access_token',
      'token_type',
      'expires_in',
      'scope',
    ]);
  });

  it.each(['/revoke', '/introspect'])('describes %s as form-encoded with token and client errors', (path) => {
    const operation = document.paths[path]['post'];
    const schema = operation.requestBody?.content['application/x-www-form-urlencoded'].schema;
    expect(schema?.required).toEqual(['token']);
    expect(documentedErrors(operation, 400)).toContain('invalid_request');
    expect(documentedErrors(operation, 401)).toContain('invalid_client');
  });

  it('describes the operator endpoints as needing a bearer token with server.admin (RFC 6750 §3.1)', async () => {
    for (const [path, method] of [
      ['/clients', 'post'],
      ['/clients/{clientId}', 'get'],
      ['/rotate-key', 'post'],
      ['/revoke-key/{kid}', 'post'],
      ['/blacklist', 'post'],
    ]) {
      const operation = document.paths[path][method];
      expect(operation.security).toContainEqual({ oauth2: ['server.admin'] });
      expect(operation.security).toContainEqual({ bearer: [] });
      expect(documentedErrors(operation, 403)).toEqual(['insufficient_scope']);
      expect(operation.responses['401'].headers).toHaveProperty('WWW-Authenticate');
    }
    expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });

    const withoutToken = await fetch(`${server.url}/clients`);
    expect(withoutToken.status).toBe(401);
    expect(withoutToken.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(documentedErrors(document.paths['/clients']['get'], 401)).toContain(
      ((await withoutToken.json()) as { error: string }).error,
    );
  });

  it('serves the Swagger UI page with its own CSP, and the scripts it loads', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The page has no inline script: everything it runs comes from these files.
    expect(html).not.toMatch(/<script>/);
    for (const script of html.matchAll(/<script src="([^"]+)"/g)) {
      const asset = await fetch(new URL(script[1], `${server.url}/docs`));
      expect({ script: script[1], status: asset.status }).toEqual({ script: script[1], status: 200 });
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      // Read to the end: an unread body keeps the connection busy and the server from closing.
      expect((await asset.text()).length).toBeGreaterThan(0);
    }
  });
});

describe('/docs in production', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer([], { NODE_ENV: 'production', ISSUER: 'https://auth.example.test' });
  });
  afterAll(() => server?.close());

  it.each(['/docs', '/docs-json', '/docs/swagger-ui-init.js'])('answers %s with 404', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe('not_found');
  });
});
