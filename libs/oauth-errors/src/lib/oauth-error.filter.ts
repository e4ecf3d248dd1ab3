import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { OAuthError } from './oauth.error';
import { invalidRequest, serverError } from './token-endpoint.errors';

/** Fastify's own errors that carry a status, e.g. an oversized or unparsable body. */
interface FastifyHttpError {
  code?: string;
  statusCode?: number;
}

const HTTP_ERROR_CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_token',
  403: 'access_denied',
  404: 'not_found',
  405: 'invalid_request',
  409: 'conflict',
  413: 'invalid_request',
  415: 'invalid_request',
  429: 'slow_down',
};

/**
 * Writes every error as `{ error, error_description }` with `Cache-Control: no-store`
 * (RFC 6749 §5.1/§5.2). Anything unexpected becomes `server_error` and only the log sees it.
 */
@Catch()
export class OAuthErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('OAuthErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = this.toOAuthError(exception);
    reply.header('cache-control', 'no-store');
    reply.header('pragma', 'no-cache');
    if (error.challenge) reply.header('www-authenticate', error.challenge);
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    void reply.status(error.status).send(error.toBody());
  }

  private toOAuthError(exception: unknown): OAuthError {
    if (exception instanceof OAuthError) return exception;
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const fastifyError = exception as FastifyHttpError;
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      return this.fromFastifyError(fastifyError);
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return serverError();
  }

  private fromHttpException(exception: HttpException): OAuthError {
    const status = exception.getStatus();
    if (status >= 500) {
      this.logger.error(exception.stack ?? exception.message);
      return serverError();
    }
    return new OAuthError(HTTP_ERROR_CODES[status] ?? 'invalid_request', status, exception.message);
  }

  private fromFastifyError(error: FastifyHttpError): OAuthError {
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return new OAuthError('invalid_request', 413, 'The request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        // RFC 6749 §3.2: the token endpoint takes application/x-www-form-urlencoded only.
        return invalidRequest('Unsupported content type');
      default:
        return invalidRequest('The request could not be parsed');
    }
  }
}
