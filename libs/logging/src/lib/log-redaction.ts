import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Field names whose values are credentials. The serializers below never log headers, bodies or query
 * strings in the first place; these paths are the second line, for objects code logs on purpose.
 */
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
  'code_verifier',
  'secretHash',
  'passwordHash',
  'tokenHash',
  // Whole form bodies and query strings: an authorization code (RFC 6749 §4.1.2) travels in either.
  'body',
  'query',
];

/** pino `redact` paths: each secret field at the top level and one level down (e.g. `req.headers` is two). */
export const REDACTED_PATHS: string[] = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...['authorization', 'cookie'].map((header) => `*.headers.${header}`),
  '*.headers["set-cookie"]',
];

export const REDACTION_CENSOR = '[redacted]';

/** The path of a URL, without its query string: `/oauth/callback?code=…` logs as `/oauth/callback`. */
export function withoutQuery(url: string | undefined): string | undefined {
  return url?.split('?', 1)[0];
}

interface SerializedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress: string;
  raw: IncomingMessage;
}

interface SerializedResponse {
  statusCode: number;
  raw: ServerResponse;
}

/** What a request log line says about the request: no header but the user agent, no body, no query string. */
export function serializeRequest(request: SerializedRequest) {
  return {
    method: request.method,
    url: withoutQuery(request.url),
    remoteAddress: request.remoteAddress,
    userAgent: request.headers['user-agent'],
  };
}

/** Only the status: response headers carry cookies and redirect URLs with authorization codes. */
export function serializeResponse(response: SerializedResponse) {
  return { statusCode: response.statusCode };
}

/**
 * An error's kind, message, code and stack, and nothing else: database errors carry their query parameters
 * (token hashes, for one) as enumerable fields that the standard serializer would copy. pino-http hands over
 * the standard serializer's output, pino itself the Error: both are read the same way.
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
