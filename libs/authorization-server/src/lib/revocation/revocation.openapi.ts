import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOAuthErrorResponse, ApiRetryLaterResponse } from '@oauth/api-docs';
import {
  ApiClientAuthentication,
  CLIENT_AUTHENTICATION_PARAMETERS,
} from '../client-auth/client-authentication.openapi';

/** The `token` parameter of RFC 7009 §2.1 and RFC 7662 §2.1, with the client's credentials. */
export const TOKEN_PARAMETER_REQUEST = {
  type: 'object',
  required: ['token'],
  properties: {
    token: { type: 'string', description: 'An access token or a refresh token issued to the calling client.' },
    token_type_hint: {
      type: 'string',
      enum: ['access_token', 'refresh_token'],
      description: 'Accepted and not needed: both kinds are looked up.',
    },
    ...CLIENT_AUTHENTICATION_PARAMETERS,
  },
};

/** The OpenAPI description of `POST /revoke`. */
export function RevocationEndpointOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiTags('revocation'),
    ApiOperation({
      summary: 'Token revocation (RFC 7009)',
      description:
        "A refresh token ends its whole family and the family's access tokens; an access token is deny-listed " +
        'until it expires. RFC 7009 §2.2: an unknown, invalid or foreign token is answered 200 too, and nothing ' +
        'is revoked. The client authenticates as at the token endpoint.',
    }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: TOKEN_PARAMETER_REQUEST }),
    ApiClientAuthentication(),
    ApiOkResponse({ description: 'RFC 7009 §2.2: done (or nothing to do).', schema: { type: 'object' } }),
    ApiOAuthErrorResponse({
      status: 400,
      description: 'RFC 7009 §2.2.1 / RFC 6749 §5.2: a missing token, a repeated parameter, not a form.',
      errors: ['invalid_request'],
    }),
    ApiRetryLaterResponse('The database cannot be reached; try again.', ['server_error']),
  );
}
