import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ApiOAuthErrorResponse } from '@oauth/api-docs';

/** 502: the authorization server or the resource API failed, could not be reached, or refused a token request. */
export const ApiUpstreamErrorResponse = () =>
  ApiOAuthErrorResponse({
    status: 502,
    description:
      'The authorization server or the resource API failed, did not answer in HTTP_TIMEOUT_MS, or refused this ' +
      "client's token request; `upstream_error` is not an RFC code, so it is never mistaken for the caller's fault.",
    errors: ['upstream_error'],
  });

/**
 * The route answers with an upstream service's own answer, status and JSON body unchanged; `ok` describes the
 * success body.
 */
export function ApiPassedThroughAnswer(service: string, ok: SchemaObject): MethodDecorator {
  return applyDecorators(
    ApiResponse({ status: 200, description: `The ${service}'s answer.`, schema: ok }),
    ApiResponse({
      status: '4XX',
      description: `The ${service}'s error answer, status and body passed through unchanged.`,
      schema: {
        type: 'object',
        required: ['error', 'error_description'],
        properties: { error: { type: 'string' }, error_description: { type: 'string' } },
      },
    }),
    ApiUpstreamErrorResponse(),
  );
}
