/**
 * An error defined by an OAuth RFC: its `error` code, HTTP status and a description
 * safe to show to the caller. `challenge`, when set, becomes the `WWW-Authenticate` header.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status: number,
    readonly description: string,
    readonly challenge?: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  /** The RFC 6749 §5.2 body. */
  toBody(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
