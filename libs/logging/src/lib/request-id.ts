import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** The header that carries a request's id into every service and back out in each answer. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id is kept only when it is short and made of characters that are safe in a log line and a
 * header (a UUID, a W3C trace id, a load balancer's id); anything else is replaced, never escaped.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The caller's `X-Request-Id` when it is acceptable, else a fresh UUID. Used as Fastify's `genReqId`. */
export function requestIdFor(request: { headers: IncomingHttpHeaders }): string {
  const presented = request.headers[REQUEST_ID_HEADER];
  return typeof presented === 'string' && ACCEPTED_REQUEST_ID.test(presented) ? presented : randomUUID();
}

/**
 * Options for `new FastifyAdapter(...)`: Fastify's request id comes from `requestIdFor`, which validates the
 * header itself (Fastify's own `requestIdHeader` would take any value as it came).
 */
export const REQUEST_ID_ADAPTER_OPTIONS = { requestIdHeader: false, genReqId: requestIdFor } as const;
