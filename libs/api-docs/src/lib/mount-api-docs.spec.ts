import { Controller, Get, Res } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import type { FastifyReply } from 'fastify';
import { API_DOCS_CONTENT_SECURITY_POLICY } from './api-docs-headers';
import { addBearerTokenSchemes, ApiBearerToken } from './bearer-token.openapi';
import { mountApiDocs } from './mount-api-docs';

@Controller('things')
class ThingsController {
  @Get()
  @ApiBearerToken({ realm: 'things', scope: 'things.write' })
  list() {
    return [];
  }

  /** An HTML page of the app with the strict CSP such pages carry. */
  @Get('page')
  async page(@Res() reply: FastifyReply) {
    await reply.header('content-security-policy', "default-src 'none'").type('text/html').send('<p>page</p>');
  }
}

async function startApp(production: boolean): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ controllers: [ThingsController] }).compile();
  moduleRef.useLogger(false);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  const document = addBearerTokenSchemes(new DocumentBuilder().setTitle('things'), {
    description: 'A token for things',
    tokenUrl: 'https://auth.example.test/token',
    scopes: { 'things.write': 'Change things.' },
  }).build();
  mountApiDocs(app, { production, document });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('mountApiDocs outside production', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startApp(false);
  });
  afterAll(() => app.close());

  it('serves the document with the bearer requirement and the RFC 6750 §3.1 errors of a route', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      oauth2: expect.objectContaining({
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://auth.example.test/token',
            scopes: { 'things.write': 'Change things.' },
          },
        },
      }),
    });
    const operation = document.paths['/things'].get;
    expect(operation.security).toEqual([{ bearer: [] }, { oauth2: ['things.write'] }]);
    expect(operation.tags).toBeUndefined();
    const errorOf = (status: number) => operation.responses[status].content['application/json'].schema;
    expect(errorOf(400).properties.error.enum).toEqual(['invalid_request']);
    expect(errorOf(401).properties.error.enum).toEqual(['invalid_token']);
    expect(errorOf(403).properties.error.enum).toEqual(['insufficient_scope']);
    expect(errorOf(401).required).toEqual(['error', 'error_description']);
    expect(operation.responses[403].headers['WWW-Authenticate'].schema.example).toBe(
      'Bearer realm="things", error="insufficient_scope", error_description="The token lacks the scope things.write", scope="things.write"',
    );
  });

  it.each(['/docs', '/docs/', '/docs-json', '/docs/swagger-ui-init.js', '/docs/swagger-ui.css'])(
    'gives %s the headers of the docs',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-security-policy']).toBe(API_DOCS_CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
    },
  );

  it("leaves the app's own routes and pages their headers", async () => {
    const page = await app.inject({ method: 'GET', url: '/things/page' });
    expect(page.headers['content-security-policy']).toBe("default-src 'none'");
    const things = await app.inject({ method: 'GET', url: '/things' });
    expect(things.headers['content-security-policy']).toBeUndefined();
  });
});

describe('mountApiDocs in production', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startApp(true);
  });
  afterAll(() => app.close());

  it.each(['/docs', '/docs-json', '/docs/swagger-ui-init.js'])('mounts nothing at %s', async (url) => {
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});
