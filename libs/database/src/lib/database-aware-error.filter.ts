import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { OAuthError, OAuthErrorFilter } from '@oauth/oauth-errors';
import { isDatabaseUnavailable } from './database-unavailable';

/** How long a caller should wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = 5;

/**
 * OAuthErrorFilter that turns "the database cannot be reached" into 503 with Retry-After instead of a 500: the
 * request was fine and may be retried. The code stays `server_error` (RFC 6749 §5.2 defines
 * `temporarily_unavailable` only for the authorization endpoint's redirects). A filter rather than an
 * interceptor: it also sees guards' errors, and costs nothing on requests that succeed.
 */
@Catch()
export class DatabaseAwareErrorFilter extends OAuthErrorFilter {
  private readonly databaseLogger = new Logger('Database');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (!isDatabaseUnavailable(exception)) return super.catch(exception, host);
    this.databaseLogger.error(`Database unavailable: ${(exception as Error).message}`);
    super.catch(
      new OAuthError('server_error', 503, 'The service is temporarily unavailable', undefined, {
        'retry-after': String(RETRY_AFTER_SECONDS),
      }),
      host,
    );
  }
}
