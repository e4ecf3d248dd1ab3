import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { stringHeader } from '@oauth/api-docs';

const HTML = { 'text/html': { schema: { type: 'string' } } };

const page = (status: number, description: string) => ApiResponse({ status, description, content: HTML });

const redirect = (status: 302 | 303, description: string) =>
  ApiResponse({ status, description, headers: { Location: stringHeader('Where the browser goes next.') } });

/** The query of RFC 6749 §4.1.1 with PKCE (RFC 7636 §4.3); OAuth 2.1 keeps only `code` and `S256`. */
const AUTHORIZATION_REQUEST: { name: string; required: boolean; description: string; schema?: SchemaObject }[] = [
  { name: 'response_type', required: true, description: 'Only `code`.', schema: { type: 'string', enum: ['code'] } },
  { name: 'client_id', required: true, description: 'A client registered for authorization_code.' },
  { name: 'redirect_uri', required: true, description: 'One of the client’s registered redirect URIs, exactly.' },
  { name: 'scope', required: true, description: '`audience.permission` scopes of one audience; not server.admin.' },
  { name: 'state', required: false, description: 'Returned unchanged with the answer (RFC 6749 §10.12).' },
  { name: 'code_challenge', required: true, description: 'BASE64URL(SHA-256(code_verifier)), 43 characters.' },
  {
    name: 'code_challenge_method',
    required: true,
    description: 'Only `S256`.',
    schema: { type: 'string', enum: ['S256'] },
  },
];

/** The OpenAPI description of `GET /authorize`. */
export function AuthorizeOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Authorization endpoint (RFC 6749 §3.1, §4.1): for browsers',
      description:
        'Shows the login page, then the consent page; sends the browser back to redirect_uri with `code`, ' +
        '`state` and `iss` (RFC 9207), or with `error` and `error_description` (RFC 6749 §4.1.2.1) once the ' +
        'client and redirect_uri are verified. Every parameter at most once.',
    }),
    ...AUTHORIZATION_REQUEST.map(({ schema, ...parameter }) =>
      ApiQuery({ ...parameter, schema: schema ?? { type: 'string' } }),
    ),
    ApiProduces('text/html'),
    page(200, 'The login page, or the consent page for a signed-in user.'),
    redirect(302, 'Back to redirect_uri with `code` (consent remembered) or `error`, and `state` and `iss`.'),
    page(400, 'An error page: unknown client, or a redirect_uri not registered for it. Nothing is redirected.'),
  );
}

/** The login and consent forms post the original query string back in `authorization_request`. */
const FORM_FIELDS: Record<string, SchemaObject> = {
  authorization_request: { type: 'string', description: 'The query string of the authorization request.' },
  csrf_token: { type: 'string', description: 'The synchronizer token of the session (ADR 0010).' },
};

/** The OpenAPI description of `POST /authorize/login`. */
export function LoginFormOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'The login form of the authorization endpoint: for browsers' }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['authorization_request', 'csrf_token', 'username', 'password'],
        properties: { ...FORM_FIELDS, username: { type: 'string' }, password: { type: 'string', format: 'password' } },
      },
    }),
    ApiProduces('text/html'),
    redirect(303, 'Signed in: back to /authorize, which asks for consent.'),
    page(401, 'The login page again: wrong username or password.'),
    page(403, 'The form expired or did not come from this site (session or CSRF token).'),
    page(429, 'The login page again: too many failed attempts for this username; wait and retry.'),
  );
}

/** The OpenAPI description of `POST /authorize/consent`. */
export function ConsentFormOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'The consent form of the authorization endpoint: for browsers' }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['authorization_request', 'csrf_token', 'decision'],
        properties: { ...FORM_FIELDS, decision: { type: 'string', enum: ['allow', 'deny'] } },
      },
    }),
    ApiProduces('text/html'),
    redirect(303, 'Back to redirect_uri with `code`, or `error=access_denied`, and `state` and `iss`.'),
    page(403, 'Not signed in, or the form expired or did not come from this site.'),
  );
}

/** The OpenAPI description of `GET /authorize/consents`. */
export function ConsentListOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: 'The consents the signed-in user gave: for browsers' }),
    ApiProduces('text/html'),
    page(200, 'The list, each with a form to revoke it.'),
    page(401, 'Not signed in.'),
  );
}

/** The OpenAPI description of `POST /authorize/consents/revoke`. */
export function ConsentRevocationOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: "Revokes a consent and the client's refresh tokens for this user: for browsers",
    }),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['csrf_token', 'client_id'],
        properties: { csrf_token: FORM_FIELDS['csrf_token'], client_id: { type: 'string' } },
      },
    }),
    ApiProduces('text/html'),
    redirect(303, 'Back to the list.'),
    page(403, 'Not signed in, or the form did not come from this site.'),
  );
}
