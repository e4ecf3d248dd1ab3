import { OAuthError } from './oauth.error';

// RFC 6750 §3: errors of a resource server, each with its Bearer challenge.

const quote = (value: string) => value.replace(/["\\]/g, '');

function bearerChallenge(realm: string, error?: string, description?: string, scope?: string): string {
  const params = [`realm="${quote(realm)}"`];
  if (error) params.push(`error="${error}"`);
  if (description) params.push(`error_description="${quote(description)}"`);
  if (scope) params.push(`scope="${quote(scope)}"`);
  return `Bearer ${params.join(', ')}`;
}

/**
 * RFC 6750 §3.1: a request without any token gets a challenge without an error code;
 * the JSON body still names `invalid_token` so callers have one shape to read.
 */
export const missingToken = (realm: string) =>
  new OAuthError('invalid_token', 401, 'A bearer token is required', bearerChallenge(realm));

/** RFC 6750 §3.1: expired, revoked, malformed or otherwise invalid token. */
export const invalidToken = (realm: string, description: string) =>
  new OAuthError('invalid_token', 401, description, bearerChallenge(realm, 'invalid_token', description));

/** RFC 6750 §3.1: a valid token without the scope the request needs. */
export const insufficientScope = (realm: string, requiredScope: string) =>
  new OAuthError(
    'insufficient_scope',
    403,
    `The token lacks the scope ${requiredScope}`,
    bearerChallenge(realm, 'insufficient_scope', `The token lacks the scope ${requiredScope}`, requiredScope),
  );

/** RFC 6750 §3.1: a malformed request, e.g. a token sent in more than one way. */
export const invalidBearerRequest = (realm: string, description: string) =>
  new OAuthError('invalid_request', 400, description, bearerChallenge(realm, 'invalid_request', description));
