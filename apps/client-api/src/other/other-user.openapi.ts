import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPassedThroughAnswer } from '../upstream/upstream.openapi';

/** The OpenAPI description of `GET /other/user`. */
export function OtherUserOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiTags('other'),
    ApiOperation({
      summary: "Calls GET /user at the resource API with this client's own token",
      description:
        'The token comes from the client_credentials grant, is cached and renewed before it expires; a token the ' +
        'resource API calls invalid_token is replaced once.',
    }),
    ApiPassedThroughAnswer('resource API', {
      type: 'object',
      properties: { clientId: { type: 'string' }, permissions: { type: 'string', example: 'read,write' } },
    }),
  );
}
