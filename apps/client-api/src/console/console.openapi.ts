import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiOAuthErrorResponse } from '@oauth/api-docs';
import { ApiPassedThroughAnswer, ApiUpstreamErrorResponse } from '../upstream/upstream.openapi';
import { ROLE_AUDIENCES, ROLES } from './role';

const ROLE = ApiParam({ name: 'role', enum: [...ROLES], description: 'The console role.' });
const UNKNOWN_ROLE = ApiOAuthErrorResponse({
  status: 404,
  description: 'The role is neither admin nor user.',
  errors: ['not_found'],
});

/** What `GET /user` at the resource API answers. */
const RESOURCE_API_USER: SchemaObject = {
  type: 'object',
  properties: { clientId: { type: 'string' }, permissions: { type: 'string', example: 'read,write' } },
};

export function RoleLoginOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: "Obtains the role's tokens: server.{role} and other.{role}, with the client_credentials grant",
    }),
    ROLE,
    ApiOkResponse({
      description: 'What the role now holds; the tokens themselves stay in this service.',
      schema: {
        type: 'object',
        required: ['role', 'tokens'],
        properties: {
          role: { type: 'string', enum: [...ROLES] },
          tokens: {
            type: 'array',
            items: {
              type: 'object',
              required: ['audience', 'scope', 'expires_in'],
              properties: {
                audience: { type: 'string', enum: [...ROLE_AUDIENCES] },
                scope: { type: 'string' },
                expires_in: { type: 'integer' },
              },
            },
          },
        },
      },
    }),
    UNKNOWN_ROLE,
    ApiUpstreamErrorResponse(),
  );
}

export function RoleInfoOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: "Calls GET /user at the resource API with the role's token (logging the role in first if needed)",
    }),
    ROLE,
    ApiPassedThroughAnswer('resource API', RESOURCE_API_USER),
    UNKNOWN_ROLE,
  );
}

/** The operator endpoints of the auth server, called with the admin role's server.admin token. */
export function AdminActionOpenApi(summary: string, ok: SchemaObject): MethodDecorator {
  return applyDecorators(ApiOperation({ summary }), ApiPassedThroughAnswer('authorization server', ok));
}

export const BLACKLIST_ANSWER: SchemaObject = {
  type: 'object',
  properties: { jti: { type: 'string' }, exp: { type: 'integer' } },
};

export const ROTATE_KEY_ANSWER: SchemaObject = {
  type: 'object',
  properties: { kid: { type: 'string' }, previous_kid: { type: 'string', nullable: true } },
};

export const REVOKE_KEY_ANSWER: SchemaObject = {
  type: 'object',
  properties: { kid: { type: 'string' }, status: { type: 'string', enum: ['revoked'] } },
};
