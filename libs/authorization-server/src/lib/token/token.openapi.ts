import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiOAuthErrorResponse, ApiRetryLaterResponse, stringHeader } from '@oauth/api-docs';
import {
  ApiClientAuthentication,
  CLIENT_AUTHENTICATION_PARAMETERS,
} from '../client-auth/client-authentication.openapi';
import { JWT_BEARER_ASSERTION_TYPE } from '../client-auth/private-key-jwt.method';

/** RFC 6749 §4.1.3, §4.4.2 and §6, each with the parameters its grant reads (grants/). */
const TOKEN_REQUEST: SchemaObject = {
  type: 'object',
  required: ['grant_type'],
  properties: {
    grant_type: { type: 'string', enum: ['authorization_code', 'client_credentials', 'refresh_token'] },
    scope: {
      type: 'string',
      description:
        'client_credentials: required. refresh_token: optional, may narrow the granted scope, never widen it. ' +
        'Space-separated `audience.permission` scopes naming one audience (RFC 6749 §3.3).',
      example: 'other.read other.write',
    },
    code: { type: 'string', description: 'authorization_code: required; usable once, for 60 seconds.' },
    redirect_uri: {
      type: 'string',
      description: 'authorization_code: required, the redirect_uri of the authorization request, exactly.',
    },
    code_verifier: {
      type: 'string',
      description: 'authorization_code: required, the PKCE verifier of the code_challenge (RFC 7636 §4.5).',
    },
    refresh_token: { type: 'string', description: 'refresh_token: required; rotated on every use (RFC 9700 §4.14).' },
    ...CLIENT_AUTHENTICATION_PARAMETERS,
  },
};

/** RFC 6749 §5.1. */
const TOKEN_RESPONSE: SchemaObject = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in', 'scope'],
  properties: {
    access_token: { type: 'string', description: 'An RFC 9068 JWT (`typ: at+jwt`) for the audience of the scope.' },
    token_type: { type: 'string', enum: ['Bearer'] },
    expires_in: { type: 'integer', description: 'Seconds the access token lives (ACCESS_TOKEN_TTL).', example: 900 },
    scope: { type: 'string', description: 'The granted scope.', example: 'other.read other.write' },
    refresh_token: {
      type: 'string',
      description: 'For clients registered for the refresh_token grant; the one presented is dead from now on.',
    },
  },
};

const EXAMPLES = {
  client_credentials: {
    summary: 'client_credentials (credentials in the Authorization header)',
    value: { grant_type: 'client_credentials', scope: 'other.read other.write' },
  },
  authorization_code: {
    summary: 'authorization_code with PKCE',
    value: {
      grant_type: 'authorization_code',
      code: 'SplxlOBeZQQYbYS6WxSbIA',
      redirect_uri: 'http://localhost:5002/oauth/callback',
      code_verifier: 'dBjftJeZ4CVP-mJ0fjdH1nJhNdgEvsk4E0mm3iBMHmU',
    },
  },
  refresh_token: {
    summary: 'refresh_token, narrowing the scope',
    value: { grant_type: 'refresh_token', refresh_token: 'tGzv3JOkF0XG5Qx2TlKWIA', scope: 'other.read' },
  },
  client_secret_post: {
    summary: 'client_credentials with client_secret_post',
    value: { grant_type: 'client_credentials', scope: 'other.read', client_id: 'client', client_secret: '…' },
  },
  private_key_jwt: {
    summary: 'client_credentials with private_key_jwt',
    value: {
      grant_type: 'client_credentials',
      scope: 'other.read',
      client_assertion_type: JWT_BEARER_ASSERTION_TYPE,
      client_assertion:
        'eyJhbGciOiJFUzI1NiIsImtpZCI6Ii4uLiJ9.eyJpc3MiOiJjbGllbnQiLCJzdWIiOiJjbGllbnQiLCJhdWQiOiIuLi4ifQ.…',
    },
  },
};

/** RFC 6749 §5.1: responses carrying tokens must not be cached. */
const NO_STORE_HEADERS = {
  'Cache-Control': stringHeader('`no-store`', 'no-store'),
  Pragma: stringHeader('`no-cache`', 'no-cache'),
};

/** The OpenAPI description of `POST /token`. */
export function TokenEndpointOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiTags('token'),
    ApiOperation({
      summary: 'Token endpoint: every grant (RFC 6749 §3.2)',
      description:
        'Form-encoded only; every parameter at most once, an empty one counts as omitted (RFC 6749 §3.2). ' +
        'The client authenticates with the method it registered: HTTP Basic (client_secret_basic), ' +
        'client_id + client_secret in the form (client_secret_post), client_assertion (private_key_jwt), or ' +
        'client_id alone for a public client, which may use only authorization_code.',
    }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: TOKEN_REQUEST, examples: EXAMPLES }),
    ApiClientAuthentication(),
    ApiOkResponse({ description: 'RFC 6749 §5.1: the tokens.', headers: NO_STORE_HEADERS, schema: TOKEN_RESPONSE }),
    ApiOAuthErrorResponse({
      status: 400,
      description: 'RFC 6749 §5.2.',
      errors: ['invalid_request', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope'],
    }),
    ApiOAuthErrorResponse({
      status: 413,
      description: 'The body is larger than MAX_BODY_BYTES.',
      errors: ['invalid_request'],
    }),
    ApiRetryLaterResponse('The database cannot be reached; try again.', ['server_error']),
  );
}
