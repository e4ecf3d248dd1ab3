import { ApiResponse } from '@nestjs/swagger';
import type { HeaderObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The `{ error, error_description }` body every error of these apps has (RFC 6749 §5.2, RFC 6750 §3). */
export function oauthErrorSchema(codes: readonly string[]): SchemaObject {
  return {
    type: 'object',
    required: ['error', 'error_description'],
    properties: {
      error: { type: 'string', enum: [...codes] },
      error_description: { type: 'string', description: 'For a person to read; never a stack trace.' },
    },
  };
}

/** A response header, documented by a string schema and what it says. */
export function stringHeader(description: string, example?: string): HeaderObject {
  return { description, schema: { type: 'string', ...(example === undefined ? {} : { example }) } };
}

/** The error filter sends every error with these (RFC 6749 §5.1). */
const NO_STORE_HEADERS: Record<string, HeaderObject> = {
  'Cache-Control': stringHeader('Always `no-store`.', 'no-store'),
};

export interface OAuthErrorResponseOptions {
  status: number;
  description: string;
  /** The `error` codes this status can carry on this route. */
  errors: readonly string[];
  /** More headers, e.g. the `WWW-Authenticate` challenge or `Retry-After`. */
  headers?: Record<string, HeaderObject>;
}

/** An error answer of the route: its status, its `error` codes and its headers. */
export function ApiOAuthErrorResponse(options: OAuthErrorResponseOptions): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status: options.status,
    description: options.description,
    headers: { ...NO_STORE_HEADERS, ...options.headers },
    schema: oauthErrorSchema(options.errors),
  });
}

/** 503 with `Retry-After`: the request was fine and may be sent again later. */
export function ApiRetryLaterResponse(
  description: string,
  errors: readonly string[],
): MethodDecorator & ClassDecorator {
  return ApiOAuthErrorResponse({
    status: 503,
    description,
    errors,
    headers: { 'Retry-After': stringHeader('Seconds to wait before trying again.', '5') },
  });
}
