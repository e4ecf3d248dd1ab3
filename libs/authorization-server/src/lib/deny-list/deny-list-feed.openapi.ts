import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiOAuthErrorResponse, stringHeader } from '@oauth/api-docs';
import { CLIENT_SECRET_BASIC_SCHEME } from '../client-auth/client-authentication.openapi';

/** The OpenAPI description of `GET /deny-list`. */
export function DenyListFeedOpenApi(scope: string): MethodDecorator {
  return applyDecorators(
    ApiTags('deny-list'),
    ApiOperation({
      summary: 'What resource servers must refuse (ADR 0006)',
      description: `For resource servers, authenticated with HTTP Basic as clients registered for \`${scope}\`.`,
    }),
    ApiSecurity(CLIENT_SECRET_BASIC_SCHEME),
    ApiQuery({
      name: 'since',
      required: false,
      description: 'The cursor of the previous answer; omitted: everything still in force.',
      schema: { type: 'string' },
    }),
    ApiOkResponse({
      description: 'Entries since the cursor.',
      schema: {
        type: 'object',
        required: ['cursor', 'entries'],
        properties: {
          cursor: { type: 'string', description: 'Opaque: pass it back as `since`.' },
          entries: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'value', 'exp'],
              properties: {
                type: { type: 'string', enum: ['jti', 'kid'], description: 'A token by its jti, or a revoked key.' },
                value: { type: 'string' },
                exp: { type: 'integer', description: 'Seconds since the epoch: refuse until then.' },
              },
            },
          },
        },
      },
    }),
    ApiOAuthErrorResponse({ status: 400, description: 'Not a cursor of this feed.', errors: ['invalid_request'] }),
    ApiOAuthErrorResponse({
      status: 401,
      description: 'Client authentication failed.',
      errors: ['invalid_client'],
      headers: { 'WWW-Authenticate': stringHeader('With HTTP Basic.', 'Basic realm="token", charset="UTF-8"') },
    }),
    ApiOAuthErrorResponse({
      status: 403,
      description: `The client is not registered for ${scope}.`,
      errors: ['access_denied'],
    }),
  );
}
