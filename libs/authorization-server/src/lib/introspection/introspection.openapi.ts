import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOAuthErrorResponse, ApiRetryLaterResponse, stringHeader } from '@oauth/api-docs';
import { ApiClientAuthentication } from '../client-auth/client-authentication.openapi';
import { TOKEN_PARAMETER_REQUEST } from '../revocation/revocation.openapi';

/** The OpenAPI description of `POST /introspect`. */
export function IntrospectionEndpointOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiTags('introspection'),
    ApiOperation({
      summary: 'Token introspection (RFC 7662)',
      description:
        'A client learns about a token only when it was issued to it or names it as audience (ADR 0006); ' +
        'otherwise, like expired, revoked or unknown tokens, the answer is `{"active": false}` (RFC 7662 §2.2). ' +
        'The client authenticates as at the token endpoint.',
    }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: TOKEN_PARAMETER_REQUEST }),
    ApiClientAuthentication(),
    ApiOkResponse({
      description: 'RFC 7662 §2.2.',
      headers: { 'Cache-Control': stringHeader('`no-store`', 'no-store') },
      schema: {
        type: 'object',
        required: ['active'],
        properties: {
          active: { type: 'boolean' },
          scope: { type: 'string' },
          client_id: { type: 'string' },
          sub: { type: 'string' },
          aud: { type: 'string' },
          iss: { type: 'string' },
          exp: { type: 'integer' },
          iat: { type: 'integer' },
          jti: { type: 'string' },
          token_type: { type: 'string', enum: ['Bearer'], description: 'Access tokens only.' },
        },
      },
    }),
    ApiOAuthErrorResponse({
      status: 400,
      description: 'RFC 6749 §5.2: a missing token, a repeated parameter, not a form.',
      errors: ['invalid_request'],
    }),
    ApiRetryLaterResponse('The database cannot be reached; try again.', ['server_error']),
  );
}
