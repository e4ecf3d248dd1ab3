import { OAuthError } from './oauth.error';

// RFC 6749 §5.2 error codes, with the statuses the RFC gives them.

export const invalidRequest = (description: string) => new OAuthError('invalid_request', 400, description);

/**
 * RFC 6749 §5.2: 401 for a failed client authentication; when the client used HTTP Basic
 * the answer must carry a matching `WWW-Authenticate` challenge.
 */
export const invalidClient = (description: string, basicRealm?: string) =>
  new OAuthError(
    'invalid_client',
    401,
    description,
    basicRealm === undefined ? undefined : `Basic realm="${basicRealm}", charset="UTF-8"`,
  );

export const invalidGrant = (description: string) => new OAuthError('invalid_grant', 400, description);

export const unauthorizedClient = (description: string) => new OAuthError('unauthorized_client', 400, description);

export const unsupportedGrantType = (description: string) => new OAuthError('unsupported_grant_type', 400, description);

export const invalidScope = (description: string) => new OAuthError('invalid_scope', 400, description);

/** RFC 6749 §5.2 allows no other code for an unexpected failure; nothing of the cause is echoed. */
export const serverError = () => new OAuthError('server_error', 500, 'The server could not complete the request');

export const temporarilyUnavailable = (description: string, retryAfterSeconds: number) =>
  new OAuthError('temporarily_unavailable', 503, description, undefined, {
    'retry-after': String(retryAfterSeconds),
  });

/**
 * RFC 8628 §3.5 `slow_down` (registered for token endpoint responses, RFC 6749 §11.4) with RFC 6585 §4's 429 and
 * `Retry-After`: too many failed authentications from this client or address. See docs/adr/0013.
 */
export const slowDown = (description: string, retryAfterSeconds: number) =>
  new OAuthError('slow_down', 429, description, undefined, { 'retry-after': String(retryAfterSeconds) });
