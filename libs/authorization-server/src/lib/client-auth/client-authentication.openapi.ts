import { applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiOAuthErrorResponse, stringHeader } from '@oauth/api-docs';
import { JWT_BEARER_ASSERTION_TYPE } from './private-key-jwt.method';

/** Security scheme: RFC 6749 §2.3.1 client_id and client_secret as HTTP Basic credentials. */
export const CLIENT_SECRET_BASIC_SCHEME = 'client_secret_basic';

/**
 * The form parameters of the client authentication methods that travel in the body: client_secret_post
 * (RFC 6749 §2.3.1), private_key_jwt (RFC 7523 §2.2) and, for public clients, client_id alone.
 */
export const CLIENT_AUTHENTICATION_PARAMETERS: Record<string, SchemaObject> = {
  client_id: {
    type: 'string',
    description:
      'client_secret_post and public clients (`none`): required. private_key_jwt: optional, must be the ' +
      "assertion's `sub`. client_secret_basic: optional, must be the client_id of the Authorization header.",
  },
  client_secret: { type: 'string', description: 'client_secret_post only (RFC 6749 §2.3.1).' },
  client_assertion_type: {
    type: 'string',
    enum: [JWT_BEARER_ASSERTION_TYPE],
    description: 'private_key_jwt only (RFC 7523 §2.2).',
  },
  client_assertion: {
    type: 'string',
    description:
      "private_key_jwt only: a JWT signed with one of the client's registered keys; `iss` = `sub` = client_id, " +
      '`aud` = the issuer identifier, `exp` at most 5 minutes ahead, a `jti` used once (RFC 7523 §3, ADR 0008).',
  },
};

/**
 * An endpoint that authenticates the client like the token endpoint (RFC 6749 §2.3): HTTP Basic, or credentials in
 * the form body (the empty requirement: none in a header). One method per request, the one the client registered.
 */
export function ApiClientAuthentication(): MethodDecorator {
  return applyDecorators(
    ApiSecurity(CLIENT_SECRET_BASIC_SCHEME),
    ApiSecurity({}),
    ApiOAuthErrorResponse({
      status: 401,
      description:
        'RFC 6749 §5.2 invalid_client: client authentication failed (unknown client, wrong secret or assertion, ' +
        'a method the client is not registered for, or no credentials).',
      errors: ['invalid_client'],
      headers: {
        'WWW-Authenticate': stringHeader(
          'Only when the client used HTTP Basic (RFC 6749 §5.2).',
          'Basic realm="token", charset="UTF-8"',
        ),
      },
    }),
  );
}
