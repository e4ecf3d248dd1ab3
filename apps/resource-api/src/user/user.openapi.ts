import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBearerToken } from '@oauth/api-docs';
import { DOCUMENTED_REALM } from '../items/items.openapi';

/** The OpenAPI description of `GET /user`. */
export function UserOpenApi(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiTags('user'),
    ApiOperation({ summary: 'Who is calling, and what it may do here; any valid token' }),
    ApiBearerToken({ realm: DOCUMENTED_REALM }),
    ApiOkResponse({
      description: 'From the verified token.',
      schema: {
        type: 'object',
        required: ['clientId', 'permissions'],
        properties: {
          clientId: { type: 'string', description: 'The `sub` of the token: the client, or the user it acts for.' },
          permissions: {
            type: 'string',
            description: 'The permissions of the token on this audience, comma-joined.',
            example: 'read,write',
          },
        },
      },
    }),
  );
}
