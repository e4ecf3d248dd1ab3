import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { protectApiDocs } from './api-docs-headers';

/** The Swagger UI; the document is at `${API_DOCS_PATH}-json`. */
export const API_DOCS_PATH = '/docs';

export interface ApiDocsOptions {
  /** In production nothing is mounted: `/docs` and `/docs-json` answer 404 like any unknown path. */
  production: boolean;
  /** Title, description, tags and security schemes (a `DocumentBuilder` result); the paths come from the routes. */
  document: Omit<OpenAPIObject, 'paths'>;
}

/**
 * Serves the app's OpenAPI 3 document at `/docs-json` and the Swagger UI at `/docs`, outside production only.
 * Call it in createApp, before the app listens.
 */
export function mountApiDocs(app: NestFastifyApplication, options: ApiDocsOptions): void {
  if (options.production) return;
  protectApiDocs(app.getHttpAdapter().getInstance(), API_DOCS_PATH);
  // Built on the first request, from the routes as registered: nothing to do at boot.
  SwaggerModule.setup(
    API_DOCS_PATH.slice(1),
    app,
    () =>
      // Tags are named where the routes are; none made up from controller class names.
      SwaggerModule.createDocument(app, options.document, { autoTagControllers: false }),
    {
      raw: ['json'],
      customSiteTitle: options.document.info.title,
      swaggerOptions: {
        // The badge would load an image from validator.swagger.io, which the CSP refuses anyway.
        validatorUrl: null,
      },
    },
  );
}
