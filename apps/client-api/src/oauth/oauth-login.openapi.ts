import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { stringHeader } from '@oauth/api-docs';
import { ApiUpstreamErrorResponse } from '../upstream/upstream.openapi';

const LOCATION = { Location: stringHeader('Where the browser goes next.') };
const HTML = { 'text/html': { schema: { type: 'string' } } };

export function OAuthLoginOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: 'Starts the authorization-code flow (RFC 6749 §4.1, PKCE): for browsers',
      description: 'Keeps a fresh state and PKCE verifier in the browser session, then sends the browser on.',
    }),
    ApiResponse({
      status: 302,
      description: "To the authorization server's /authorize with response_type=code, state and an S256 challenge.",
      headers: LOCATION,
    }),
  );
}

export function OAuthCallbackOpenApi(): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: "The client's redirect URI: checks the answer and redeems the code: for browsers",
      description:
        'The state must be the one this browser session sent (RFC 6749 §10.12), used once, and iss the issuer ' +
        '(RFC 9207 §2.4); then the code is redeemed with the verifier.',
    }),
    ApiQuery({ name: 'code', required: false, schema: { type: 'string' } }),
    ApiQuery({ name: 'state', required: true, schema: { type: 'string' } }),
    ApiQuery({ name: 'iss', required: true, schema: { type: 'string' } }),
    ApiQuery({ name: 'error', required: false, schema: { type: 'string' } }),
    ApiQuery({ name: 'error_description', required: false, schema: { type: 'string' } }),
    ApiProduces('text/html'),
    ApiResponse({ status: 303, description: 'Signed in: to the home page.', headers: LOCATION }),
    ApiResponse({
      status: 400,
      description: 'The home page, signed out, saying what went wrong (state, iss, error or no code).',
      content: HTML,
    }),
    ApiUpstreamErrorResponse(),
  );
}
