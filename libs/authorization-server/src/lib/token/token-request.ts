import { invalidRequest } from '@oauth/oauth-errors';

/** Token request parameters after the checks every grant relies on: one value each. */
export type TokenRequestParams = Readonly<Record<string, string>>;

const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded(\s*;.*)?$/i;

/** RFC 6749 §3.2: the token endpoint takes application/x-www-form-urlencoded bodies only. */
export function requireFormBody(contentType: string | undefined, body: unknown): Record<string, string | string[]> {
  if (!contentType || !FORM_CONTENT_TYPE.test(contentType) || typeof body !== 'object' || body === null) {
    throw invalidRequest('The request body must be application/x-www-form-urlencoded');
  }
  return body as Record<string, string | string[]>;
}

/** RFC 6749 §3.1/§3.2: parameters must not be repeated, and empty ones count as omitted. */
export function rejectDuplicateParameters(form: Record<string, string | string[]>): TokenRequestParams {
  const params: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(form)) {
    if (Array.isArray(value)) throw invalidRequest(`The parameter ${name} is repeated`);
    if (value !== '') params[name] = value;
  }
  return params;
}

/** The value of a parameter the request cannot do without. */
export function requireParameter(params: TokenRequestParams, name: string): string {
  const value = params[name];
  if (value === undefined) throw invalidRequest(`The parameter ${name} is missing`);
  return value;
}
