import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { stringHeader } from '@oauth/api-docs';

const strings: SchemaObject = { type: 'array', items: { type: 'string' } };

/** RFC 8414 §2: the fields authorizationServerMetadata writes, nothing this server does not implement. */
const METADATA: SchemaObject = {
  type: 'object',
  properties: {
    issuer: { type: 'string', example: 'http://localhost:5001' },
    authorization_endpoint: { type: 'string' },
    token_endpoint: { type: 'string' },
    jwks_uri: { type: 'string' },
    grant_types_supported: strings,
    token_endpoint_auth_methods_supported: strings,
    token_endpoint_auth_signing_alg_values_supported: strings,
    scopes_supported: { ...strings, description: 'The scopes registered clients may request.' },
    revocation_endpoint: { type: 'string' },
    revocation_endpoint_auth_methods_supported: strings,
    introspection_endpoint: { type: 'string' },
    introspection_endpoint_auth_methods_supported: strings,
    response_types_supported: strings,
    code_challenge_methods_supported: strings,
    authorization_response_iss_parameter_supported: { type: 'boolean' },
  },
};

/** The OpenAPI description of the two metadata paths. */
export function MetadataOpenApi(summary: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({
      description: 'RFC 8414 §3.2.',
      headers: { 'Cache-Control': stringHeader('Cacheable for five minutes.', 'public, max-age=300') },
      schema: METADATA,
    }),
  );
}
