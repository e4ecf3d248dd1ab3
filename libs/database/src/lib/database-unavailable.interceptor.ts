import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, throwError, type Observable } from 'rxjs';
import { OAuthError } from '@oauth/oauth-errors';
import { isDatabaseUnavailable } from './database-unavailable';

/** How long a caller should wait before trying again while the database is away. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Turns "the database cannot be reached" into 503 with Retry-After instead of a 500: the request
 * was fine and may be retried. The code stays `server_error` (RFC 6749 §5.2 defines
 * `temporarily_unavailable` only for the authorization endpoint's redirects).
 */
@Injectable()
export class DatabaseUnavailableInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Database');

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!isDatabaseUnavailable(error)) return throwError(() => error);
        this.logger.error(`Database unavailable: ${(error as Error).message}`);
        return throwError(
          () =>
            new OAuthError('server_error', 503, 'The service is temporarily unavailable', undefined, {
              'retry-after': String(RETRY_AFTER_SECONDS),
            }),
        );
      }),
    );
  }
}
