import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import { stringHeader } from '@oauth/api-docs';

/** The OpenAPI description of `GET /.well-known/jwks.json`. */
export function JwksOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'The public keys that verify access tokens (RFC 7517 §5)',
      description:
        'The signing key, the next key (published JWKS_MAX_AGE before it signs) and retired keys until the ' +
        'tokens they signed have expired (ADR 0007). Never a private part.',
    }),
    ApiProduces('application/jwk-set+json'),
    ApiResponse({
      status: 200,
      description: 'A JWK Set.',
      headers: { 'Cache-Control': stringHeader('max-age is JWKS_MAX_AGE.', 'public, max-age=300') },
      content: {
        'application/jwk-set+json': {
          schema: {
            type: 'object',
            required: ['keys'],
            properties: {
              keys: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['kty', 'kid', 'alg', 'use'],
                  properties: {
                    kty: { type: 'string', enum: ['RSA', 'EC', 'OKP'] },
                    kid: { type: 'string' },
                    alg: { type: 'string', enum: ['RS256', 'ES256', 'EdDSA'] },
                    use: { type: 'string', enum: ['sig'] },
                  },
                  additionalProperties: { type: 'string' },
                },
              },
            },
          },
        },
      },
    }),
  );
}
