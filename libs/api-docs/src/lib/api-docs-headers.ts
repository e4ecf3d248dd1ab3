import type { FastifyInstance } from 'fastify';

/**
 * What the Swagger UI page needs and nothing more: its own scripts and styles (it also sets inline styles), data:
 * images from its stylesheet, and requests to this origin only ("Try it out", the token request of "Authorize").
 * No inline script: swagger-ui-init.js is a file. connect-src 'self' also keeps `?url=` from loading a foreign document.
 */
export const API_DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** True for the UI page, its assets and the document itself. */
export function isApiDocsUrl(url: string, docsPath: string): boolean {
  const path = url.split('?')[0];
  return path === docsPath || path.startsWith(`${docsPath}/`) || path.startsWith(`${docsPath}-`);
}

/**
 * Gives the docs their own headers, set when the answer is sent so that headers meant for the apps' HTML pages
 * (a CSP without scripts, for one) never reach them.
 */
export function protectApiDocs(fastify: FastifyInstance, docsPath: string): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!isApiDocsUrl(request.url, docsPath)) return payload;
    void reply
      .header('content-security-policy', API_DOCS_CONTENT_SECURITY_POLICY)
      .header('x-frame-options', 'DENY')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer');
    return payload;
  });
}
