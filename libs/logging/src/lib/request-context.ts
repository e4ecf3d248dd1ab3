import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
// nestjs-pino's own request store: its PinoLogger (behind Nest's Logger) takes the request's logger from there.
import { Store, storage } from 'nestjs-pino/storage';
import { serializeRequest, serializeResponse, withoutQuery } from './log-redaction';
import { REQUEST_ID_HEADER } from './request-id';

/** The store of one request: nestjs-pino's logger, and the request for code that has no handle on it. */
class RequestStore extends Store {
  constructor(
    logger: Logger,
    readonly request: FastifyRequest,
  ) {
    super(logger);
  }
}

/** Scraped every few seconds: not worth a line each. They still get a request id. */
const QUIET_PATHS = /^\/(health\/(live|ready)|metrics)$/;

/**
 * For every request: echoes its id, runs the rest of it with a logger that puts `request_id` on every line
 * (and with the request at hand for `currentRequest`), and logs one `request completed` line at the end.
 * Fastify hooks rather than Nest middleware: they also see requests refused before routing, and cost less.
 */
export function registerRequestLogging(fastify: FastifyInstance, root: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    storage.run(new RequestStore(root.child({ request_id: request.id }), request), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (root.isLevelEnabled(level) && !QUIET_PATHS.test(withoutQuery(request.url))) {
      root[level](
        {
          request_id: request.id,
          req: serializeRequest(request),
          res: serializeResponse(reply),
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
    done();
  });
}

/** The request this code runs for, or undefined outside a request (startup, timers, background jobs). */
export function currentRequest(): FastifyRequest | undefined {
  const store = storage.getStore();
  return store instanceof RequestStore ? store.request : undefined;
}

/** Headers that carry the current request's id on an outgoing call; none outside a request. */
export function requestIdHeaders(): Record<string, string> {
  const request = currentRequest();
  return request ? { [REQUEST_ID_HEADER]: request.id } : {};
}
