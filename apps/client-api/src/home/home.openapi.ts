import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ApiUpstreamErrorResponse } from '../upstream/upstream.openapi';

export function HomeOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'The demo page: sign in, and call the resource API as the signed-in person' }),
    ApiQuery({
      name: 'call',
      required: false,
      description: "`resource-api`: calls GET /user there with the person's token and shows the answer.",
      schema: { type: 'string', enum: ['resource-api'] },
    }),
    ApiProduces('text/html'),
    ApiResponse({ status: 200, description: 'The page.', content: { 'text/html': { schema: { type: 'string' } } } }),
    ApiUpstreamErrorResponse(),
  );
}
