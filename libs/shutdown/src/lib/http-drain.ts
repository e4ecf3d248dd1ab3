import type { FastifyInstance } from 'fastify';

/** How often connections that turned idle during the drain are closed. */
const IDLE_SWEEP_MS = 50;

/** `drained`: every request in flight finished; `cut`: the timeout passed and the remaining connections were cut. */
export type DrainOutcome = 'drained' | 'cut';

/**
 * Stops accepting connections and waits for the requests in flight, at most `timeoutMs`.
 *
 * Node closes idle keep-alive connections once, when the server starts closing; a connection whose request is still
 * running turns idle only afterwards, and would then stay open until its keep-alive timeout (72 s under Fastify),
 * holding the close back. So idle connections are swept until the server is closed.
 */
export async function drainHttpServer(fastify: FastifyInstance, timeoutMs: number): Promise<DrainOutcome> {
  const server = fastify.server;
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DrainOutcome>((resolve) => (timer = setTimeout(() => resolve('cut'), timeoutMs)));
  // Fastify refuses new connections at once and answers a request arriving on a kept-alive connection with 503 and
  // `Connection: close`, so a load balancer sends it elsewhere.
  const closed = fastify.close().then((): DrainOutcome => 'drained');
  try {
    const outcome = await Promise.race([closed, deadline]);
    if (outcome === 'cut') {
      server.closeAllConnections();
      await closed;
    }
    return outcome;
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
