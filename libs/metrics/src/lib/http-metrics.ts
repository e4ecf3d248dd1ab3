import type { FastifyInstance } from 'fastify';
import type { MetricsRegistry } from './metrics-registry';

/**
 * Counts every response by method, route pattern and status, and times it. A Fastify hook rather
 * than a Nest interceptor, so requests refused by guards, filters or body parsing count too.
 */
export function registerHttpMetrics(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  const requests = metrics.counter('http_requests_total', 'HTTP responses sent', ['method', 'route', 'status']);
  const duration = metrics.histogram(
    'http_request_duration_seconds',
    'Time from request to response',
    ['method', 'route'],
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );
  // A callback hook, not an async one: no promise per response.
  fastify.addHook('onResponse', (request, reply, done) => {
    // The route pattern, never the raw URL: ids and tokens must not become label values.
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
}
