import { OAuthError } from '@oauth/oauth-errors';

/**
 * An upstream service (the authorization server or the resource API) failed or could not be reached.
 * `upstream_error` is deliberately not an RFC 6749/6750 code, so callers never mistake it for their own fault.
 */
export const upstreamError = (description: string) => new OAuthError('upstream_error', 502, description);

/** Why a fetch to an upstream service threw, without echoing anything it may carry. */
export function describeFetchFailure(service: string, error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `The ${service} did not answer within ${timeoutMs} ms`;
  }
  return `The ${service} could not be reached`;
}
