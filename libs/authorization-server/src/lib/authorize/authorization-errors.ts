/**
 * RFC 6749 §4.1.2.1: the client or its redirect URI cannot be trusted, so the person sees an error page
 * at the authorization server and is never redirected (RFC 9700 §4.1).
 */
export class AuthorizationPageError extends Error {
  constructor(
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
    this.name = 'AuthorizationPageError';
  }
}

/** RFC 6749 §4.1.2.1 error codes sent back to the client's redirect URI. */
export type AuthorizationErrorCode =
  | 'invalid_request'
  | 'unauthorized_client'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'server_error';

/** An error the client learns about through its (verified) redirect URI. */
export class AuthorizationRedirectError extends Error {
  constructor(
    readonly code: AuthorizationErrorCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'AuthorizationRedirectError';
  }
}
