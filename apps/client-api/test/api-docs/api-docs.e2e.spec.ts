import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startApp } from '../support/running-app';
import { testConfig } from '../support/test-config';

/** The parts of an OpenAPI 3 document these tests read. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}
interface Operation {
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  responses: Record<
    string,
    { content?: Record<string, { schema: { properties?: Record<string, { enum?: string[] }> } }> }
  >;
}

/** The `error` codes the document gives a status of an operation. */
const documentedErrors = (operation: Operation, status: number) =>
  operation.responses[String(status)]?.content?.['application/json']?.schema.properties?.['error']?.enum;

// Nothing listens on port 9: every upstream call fails as an unreachable service does.
const UNREACHABLE = { AUTH_SERVER_URL: 'http://127.0.0.1:9', RESOURCE_API_URL: 'http://127.0.0.1:9' };

describe('OpenAPI document and Swagger UI at /docs (CONTRACT.md: development only)', () => {
  let app: NestFastifyApplication;
  let url: string;
  let document: OpenApiDocument;

  beforeAll(async () => {
    ({ app, url } = await startApp(testConfig(UNREACHABLE)));
    const response = await fetch(`${url}/docs-json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as OpenApiDocument;
  });
  afterAll(() => app?.close());

  it('is an OpenAPI 3 document', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it.each([
    ['/other/user', ['get']],
    ['/{role}/login', ['get']],
    ['/{role}/info', ['get']],
    ['/admin/blacklist', ['post']],
    ['/admin/rotate-key', ['post']],
    ['/admin/revoke-key/{kid}', ['post']],
    ['/', ['get']],
    ['/oauth/login', ['get']],
    ['/oauth/callback', ['get']],
    ['/health/live', ['get']],
    ['/health/ready', ['get']],
    ['/metrics', ['get']],
  ])('lists %s with its methods %j', (path, methods) => {
    expect(Object.keys(document.paths[path] ?? {}).sort()).toEqual(methods);
  });

  it('names the roles a console path takes', () => {
    const role = document.paths['/{role}/login']['get'].parameters?.find((parameter) => parameter.name === 'role');
    expect(role).toMatchObject({ in: 'path', schema: { enum: ['admin', 'user'] } });
  });

  it('describes the errors the API really sends', async () => {
    const unknownRole = await fetch(`${url}/nobody/login`);
    expect(unknownRole.status).toBe(404);
    const unknownRoleBody = (await unknownRole.json()) as { error: string };
    expect(documentedErrors(document.paths['/{role}/login']['get'], 404)).toEqual([unknownRoleBody.error]);

    const upstreamDown = await fetch(`${url}/other/user`);
    expect(upstreamDown.status).toBe(502);
    const upstreamBody = (await upstreamDown.json()) as { error: string };
    expect(documentedErrors(document.paths['/other/user']['get'], 502)).toEqual([upstreamBody.error]);
  });

  it('serves the Swagger UI page with its own CSP', async () => {
    const page = await fetch(`${url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<div id="swagger-ui"></div>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});

describe('/docs in production', () => {
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    ({ app, url } = await startApp(testConfig({ ...UNREACHABLE, NODE_ENV: 'production' })));
  });
  afterAll(() => app?.close());

  it.each(['/docs', '/docs-json', '/docs/swagger-ui-init.js'])('answers %s with 404', async (path) => {
    const response = await fetch(`${url}${path}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toBe('not_found');
  });
});
