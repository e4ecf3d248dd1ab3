import { OAuthError } from '@oauth/oauth-errors';

const MAX_UPSTREAM_DESCRIPTION = 200;

/**
 * The authorization server answered the token request with an RFC 6749 §5.2 error. To this app's caller
 * it is a 502 `upstream_error` naming the upstream code; `code` lets the token provider react to it.
 */
export class TokenRequestRefusedError extends OAuthError {
  constructor(
    readonly code: string,
    upstreamDescription?: string,
  ) {
    const detail = upstreamDescription ? ` (${upstreamDescription.slice(0, MAX_UPSTREAM_DESCRIPTION)})` : '';
    super('upstream_error', 502, `The authorization server refused the token request: ${code}${detail}`);
    this.name = 'TokenRequestRefusedError';
  }
}
