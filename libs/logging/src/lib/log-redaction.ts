import type { FastifyReply, FastifyRequest } from 'fastify';

/** Field names whose values are credentials, or may carry them (form bodies, query strings). */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'password',
  'secret',
  'client_secret',
  'clientSecret',
  'client_assertion',
  'assertion',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'secretHash',
  'passwordHash',
  'tokenHash',
  // An authorization code (RFC 6749 §4.1.2) travels in a query string or a form body.
  'body',
  'query',
];

/**
 * pino `redact` paths: the second line of defence, for objects code logs on purpose. The first is that nothing
 * logs headers, bodies or query strings (see `serializeRequest`). Exact paths only: a leading wildcard makes
 * pino walk every object it logs, which cost more than the rest of the logging together.
 */
export const REDACTED_PATHS: string[] = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `req.${field}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

export const REDACTION_CENSOR = '[redacted]';

/** The path of a URL, without its query string: `/oauth/callback?code=…` logs as `/oauth/callback`. */
export function withoutQuery(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** What the request line says about the request: no header but the user agent, no body, no query string. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutQuery(request.url),
    remoteAddress: request.ip,
    userAgent: request.headers['user-agent'],
  };
}

/** Only the status: response headers carry cookies, and redirects carry authorization codes. */
export function serializeResponse(reply: FastifyReply) {
  return { statusCode: reply.statusCode };
}

/**
 * An error's kind, message, code and stack, and nothing else: database errors carry their query parameters
 * (token hashes, for one) as enumerable fields that the standard serializer would copy.
 */
export function serializeError(error: unknown) {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { name, type, message, code, stack } = error as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    type: text(type) ?? text(name),
    message: text(message),
    code: typeof code === 'string' || typeof code === 'number' ? code : undefined,
    stack: text(stack),
  };
}
