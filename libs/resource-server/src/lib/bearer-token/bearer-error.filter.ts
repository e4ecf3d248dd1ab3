import { Catch } from '@nestjs/common';
import { OAuthError, OAuthErrorFilter } from '@oauth/oauth-errors';

/**
 * Writes the guard's OAuthErrors as RFC 6750 §3 answers (status, `WWW-Authenticate: Bearer …`,
 * `{ error, error_description }`, `Cache-Control: no-store`) in any app, whatever its own exception
 * filter: without it, an app that knows nothing of OAuthError would answer 500. Other errors go on to
 * the app's filters untouched.
 */
@Catch(OAuthError)
export class BearerErrorFilter extends OAuthErrorFilter {}
