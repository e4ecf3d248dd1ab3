import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiBearerToken, ApiOAuthErrorResponse } from '@oauth/api-docs';
import { SERVER_AUDIENCE } from './admin-token.verifier';
import { SERVER_ADMIN_SCOPE } from './server-admin.guard';

/** Every operator endpoint: a bearer access token of this server (audience `server`) with `server.admin`. */
export function ServerAdminOpenApi(tag: string): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiBearerToken({ realm: SERVER_AUDIENCE, scope: SERVER_ADMIN_SCOPE }));
}

/** The OpenAPI description of `POST /rotate-key`. */
export function RotateKeyOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Emergency rotation of the signing key (ADR 0007)',
      description: 'The next key (already published, if any) or a fresh one signs from now on.',
    }),
    ApiOkResponse({
      description: 'The key that signs now, and the one it replaced.',
      schema: {
        type: 'object',
        required: ['kid', 'previous_kid'],
        properties: { kid: { type: 'string' }, previous_kid: { type: 'string', nullable: true } },
      },
    }),
  );
}

/** The OpenAPI description of `POST /revoke-key/{kid}`. */
export function RevokeKeyOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Revokes a signing key (ADR 0007)',
      description:
        'Unpublishes the key at once and deny-lists its kid, so resource servers refuse every token it signed ' +
        'within their deny-list propagation bound.',
    }),
    ApiParam({ name: 'kid', description: 'The `kid` of a key in the JWKS.' }),
    ApiOkResponse({
      description: 'Revoked.',
      schema: {
        type: 'object',
        required: ['kid', 'status'],
        properties: { kid: { type: 'string' }, status: { type: 'string', enum: ['revoked'] } },
      },
    }),
    ApiOAuthErrorResponse({ status: 404, description: 'No signing key has this kid.', errors: ['not_found'] }),
  );
}

/** The OpenAPI description of `POST /blacklist`. */
export function DenyListAdminOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Deny-lists an access token (ADR 0006)',
      description:
        'By `jti` and `exp`, or by the token itself (its signature is not checked: any token may be refused). ' +
        'Resource servers refuse it from their next deny-list poll on.',
    }),
    ApiBody({
      schema: {
        oneOf: [
          {
            type: 'object',
            required: ['jti', 'exp'],
            additionalProperties: false,
            properties: { jti: { type: 'string', maxLength: 255 }, exp: { type: 'integer', minimum: 1 } },
          },
          {
            type: 'object',
            required: ['token'],
            additionalProperties: false,
            properties: { token: { type: 'string', maxLength: 8192, description: 'A JWT with jti and exp.' } },
          },
        ],
      },
    }),
    ApiOkResponse({
      description: 'Deny-listed until `exp` (at most the longest access-token lifetime from now).',
      schema: {
        type: 'object',
        required: ['jti', 'exp'],
        properties: { jti: { type: 'string' }, exp: { type: 'integer' } },
      },
    }),
    ApiOAuthErrorResponse({
      status: 400,
      description: 'Neither `jti` and `exp` nor a JWT `token` with those claims; or the bearer token is malformed.',
      errors: ['invalid_request'],
    }),
  );
}
