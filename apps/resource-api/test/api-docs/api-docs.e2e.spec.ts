import request from 'supertest';
import { UNKNOWN_ID, startItemsFixture, type ItemsFixture } from '../items/items.fixture';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';

/** The parts of an OpenAPI 3 document these tests read. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
}
interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
  responses: Record<
    string,
    {
      headers?: Record<string, unknown>;
      content?: Record<string, { schema: { properties?: Record<string, { enum?: string[] }> } }>;
    }
  >;
}

/** The `error` codes the document gives a status of an operation. */
const documentedErrors = (operation: Operation, status: number) =>
  operation.responses[String(status)]?.content?.['application/json']?.schema.properties?.['error']?.enum;

describe('OpenAPI document and Swagger UI at /docs (CONTRACT.md: development only)', () => {
  let f: ItemsFixture;
  let document: OpenApiDocument;

  beforeAll(async () => {
    f = await startItemsFixture();
    const response = await request(f.api.url).get('/docs-json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    document = response.body as OpenApiDocument;
  });
  afterAll(() => f?.stop());

  it('is an OpenAPI 3 document', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it.each([
    ['/user', ['get']],
    ['/items', ['get', 'post']],
    ['/items/{id}', ['delete', 'get', 'put']],
    ['/health/live', ['get']],
    ['/health/ready', ['get']],
    ['/metrics', ['get']],
  ])('lists %s with its methods %j', (path, methods) => {
    expect(Object.keys(document.paths[path] ?? {}).sort()).toEqual(methods);
  });

  it('asks a bearer token with other.write for every change, and none for reading', () => {
    expect(document.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, method] of [
      ['/items', 'post'],
      ['/items/{id}', 'put'],
      ['/items/{id}', 'delete'],
    ]) {
      expect(document.paths[path][method].security).toEqual([{ bearer: [] }, { oauth2: ['other.write'] }]);
    }
    expect(document.paths['/user']['get'].security).toEqual([{ bearer: [] }, { oauth2: [] }]);
    expect(document.paths['/items']['get'].security).toBeUndefined();
    expect(document.paths['/items/{id}']['get'].security).toBeUndefined();
  });

  it('describes the RFC 6750 §3.1 errors the API really sends, with their challenges', async () => {
    const create = document.paths['/items']['post'];

    const withoutToken = await request(f.api.url).post('/items').send({ name: 'x' });
    expect(withoutToken.status).toBe(401);
    expect(withoutToken.headers['www-authenticate']).toBe('Bearer realm="other"');
    expect(documentedErrors(create, 401)).toContain(withoutToken.body.error);
    expect(create.responses['401'].headers).toHaveProperty('WWW-Authenticate');

    const reader = await request(f.api.url).post('/items').set('authorization', f.reader).send({ name: 'x' });
    expect(reader.status).toBe(403);
    expect(documentedErrors(create, 403)).toEqual([reader.body.error]);
    expect(create.responses['403'].headers).toHaveProperty('WWW-Authenticate');

    const badBody = await request(f.api.url).post('/items').set('authorization', f.writer).send({ nom: 'x' });
    expect(badBody.status).toBe(400);
    expect(documentedErrors(create, 400)).toContain(badBody.body.error);

    const unknown = await request(f.api.url).get(`/items/${UNKNOWN_ID}`);
    expect(unknown.status).toBe(404);
    expect(documentedErrors(document.paths['/items/{id}']['get'], 404)).toEqual([unknown.body.error]);

    expect(documentedErrors(document.paths['/user']['get'], 401)).toEqual(['invalid_token']);
  });

  it('describes the item body as JSON with its required name', () => {
    const body = document.paths['/items']['post'].requestBody;
    expect(Object.keys(body?.content ?? {})).toEqual(['application/json']);
    expect(body?.content['application/json'].schema.required).toEqual(['name']);
  });

  it('serves the Swagger UI page with its own CSP', async () => {
    const page = await request(f.api.url).get('/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<div id="swagger-ui"></div>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const init = await request(f.api.url).get('/docs/swagger-ui-init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain('"title": "resource-api"');
  });
});

describe('/docs in production', () => {
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    jwks = await startFakeJwksServer([]);
    api = await startResourceApi(jwks.url, {
      NODE_ENV: 'production',
      // Production needs a feed; this one answers nothing useful, and its poller's errors are not this test's.
      DENY_LIST_URL: jwks.url,
      DENY_LIST_CLIENT_SECRET: 'feed-secret',
      LOG_LEVEL: 'fatal',
    });
  });
  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  it.each(['/docs', '/docs-json', '/docs/swagger-ui-init.js'])('answers %s with 404', async (path) => {
    const response = await request(api.url).get(path);
    expect(response.status).toBe(404);
    expect(response.body.error).toBe('not_found');
  });
});
