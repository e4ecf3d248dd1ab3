import { applyDecorators } from '@nestjs/common';
import { ApiSecurity, type DocumentBuilder } from '@nestjs/swagger';
import { ApiOAuthErrorResponse, stringHeader } from './oauth-error.responses';

/** Security scheme: any access token, pasted as it is. */
export const BEARER_SCHEME = 'bearer';
/** Security scheme: the same token from the client-credentials grant; this one names the scopes. */
export const OAUTH2_SCHEME = 'oauth2';

export interface BearerTokenSchemesOptions {
  /** Whose tokens these are, e.g. "An access token of the authorization server with the audience `other`". */
  description: string;
  /** The authorization server's token endpoint. */
  tokenUrl: string;
  /** The scopes routes of this API require, with what each allows. */
  scopes: Record<string, string>;
}

/**
 * The two ways to describe one RFC 6750 bearer token: OpenAPI 3.0 lets only an oauth2 scheme name scopes, and only
 * an http scheme lets a person paste a token obtained elsewhere (e.g. with curl).
 */
export function addBearerTokenSchemes(builder: DocumentBuilder, options: BearerTokenSchemesOptions): DocumentBuilder {
  return builder
    .addSecurity(BEARER_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      // OAuth 2.1 §5.2 keeps only the header; the URI query parameter of RFC 6750 §2.3 is refused.
      description: `${options.description}, sent as \`Authorization: Bearer <token>\` (RFC 6750 §2.1) and nowhere else.`,
    })
    .addSecurity(OAUTH2_SCHEME, {
      type: 'oauth2',
      description: `${options.description}, obtained with the client_credentials grant (RFC 6749 §4.4).`,
      flows: { clientCredentials: { tokenUrl: options.tokenUrl, scopes: options.scopes } },
    });
}

export interface BearerTokenOptions {
  /** The realm of the challenges: the audience of this API's tokens. */
  realm: string;
  /** The scope the route needs; without it any valid token will do. */
  scope?: string;
}

const challenge = (description: string, example: string) =>
  stringHeader(`RFC 6750 §3: the Bearer challenge. ${description}`, example);

/**
 * The route takes an RFC 6750 bearer token: its security requirement, and the RFC 6750 §3.1 errors with their
 * `WWW-Authenticate: Bearer` challenges.
 */
export function ApiBearerToken(options: BearerTokenOptions): MethodDecorator & ClassDecorator {
  const { realm, scope } = options;
  const decorators = [
    ApiSecurity(BEARER_SCHEME),
    ApiSecurity(OAUTH2_SCHEME, scope === undefined ? [] : [scope]),
    ApiOAuthErrorResponse({
      status: 400,
      description: 'RFC 6750 §3.1 invalid_request: a malformed Authorization header, or a token sent another way.',
      errors: ['invalid_request'],
      headers: {
        'WWW-Authenticate': challenge(
          'Carries error="invalid_request".',
          `Bearer realm="${realm}", error="invalid_request", error_description="The Authorization header is not a valid Bearer credential"`,
        ),
      },
    }),
    ApiOAuthErrorResponse({
      status: 401,
      description:
        'RFC 6750 §3.1: no bearer token (the challenge then carries no error code), or one that is expired, ' +
        'revoked, malformed, for another audience or signed by an unknown key (invalid_token).',
      errors: ['invalid_token'],
      headers: {
        'WWW-Authenticate': challenge(
          'Without a token: only the realm.',
          `Bearer realm="${realm}", error="invalid_token", error_description="The access token is invalid or expired"`,
        ),
      },
    }),
  ];
  if (scope !== undefined) {
    decorators.push(
      ApiOAuthErrorResponse({
        status: 403,
        description: `RFC 6750 §3.1 insufficient_scope: the token does not grant ${scope}.`,
        errors: ['insufficient_scope'],
        headers: {
          'WWW-Authenticate': challenge(
            'Names the scope a new token needs.',
            `Bearer realm="${realm}", error="insufficient_scope", error_description="The token lacks the scope ${scope}", scope="${scope}"`,
          ),
        },
      }),
    );
  }
  return applyDecorators(...decorators);
}
