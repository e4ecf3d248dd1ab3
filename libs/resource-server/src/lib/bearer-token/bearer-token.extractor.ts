import { invalidBearerRequest } from '@oauth/oauth-errors';

/** The parts of an HTTP request a bearer token may travel in. */
export interface BearerTokenCarrier {
  headers: Record<string, string | string[] | undefined>;
  query?: unknown;
  body?: unknown;
}

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 9110 §11.1).
const BEARER_HEADER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const BEARER_SCHEME = /^Bearer(?: |$)/i;

function hasAccessTokenParameter(container: unknown): boolean {
  return typeof container === 'object' && container !== null && 'access_token' in container;
}

function isFormEncoded(headers: BearerTokenCarrier['headers']): boolean {
  const contentType = headers['content-type'];
  return typeof contentType === 'string' && /^application\/x-www-form-urlencoded\b/i.test(contentType);
}

/**
 * Returns the bearer token of a request, or undefined when it carries none.
 * Only the Authorization header is accepted: OAuth 2.1 (draft-ietf-oauth-v2-1 §5.2) drops the URI query
 * parameter, and this API takes JSON bodies, so a form-body token (RFC 6750 §2.2) never applies.
 */
export function extractBearerToken(request: BearerTokenCarrier, realm: string): string | undefined {
  const header = request.headers['authorization'];
  const inHeader = typeof header === 'string' && BEARER_SCHEME.test(header);
  const inQuery = hasAccessTokenParameter(request.query);
  const inBody = isFormEncoded(request.headers) && hasAccessTokenParameter(request.body);
  // RFC 6750 §3.1 invalid_request: "uses more than one method to include an access token".
  if ([inHeader, inQuery, inBody].filter(Boolean).length > 1) {
    throw invalidBearerRequest(realm, 'The access token was sent in more than one way');
  }
  // RFC 6750 §3.1 invalid_request: "includes an unsupported parameter".
  if (inQuery || inBody) {
    throw invalidBearerRequest(realm, 'The access token must be sent in the Authorization header');
  }
  // RFC 6750 §3.1: another scheme (e.g. Basic) is a request without bearer credentials, answered without an error code.
  if (!inHeader) return undefined;
  const match = BEARER_HEADER.exec(header);
  // RFC 6750 §3.1 invalid_request: a malformed Bearer header.
  if (!match) throw invalidBearerRequest(realm, 'The Authorization header is not a valid Bearer credential');
  return match[1];
}
