import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from './request-id';

const current = new AsyncLocalStorage<FastifyRequest>();

/**
 * Makes the request being served available to code that has no handle on it (the audit log, outgoing HTTP
 * calls), and echoes its id in the answer.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    current.run(request, done);
  });
}

/** The request this code runs for, or undefined outside a request (startup, timers, background jobs). */
export function currentRequest(): FastifyRequest | undefined {
  return current.getStore();
}

/** Headers that carry the current request's id on an outgoing call; none outside a request. */
export function requestIdHeaders(): Record<string, string> {
  const request = current.getStore();
  return request ? { [REQUEST_ID_HEADER]: request.id } : {};
}
