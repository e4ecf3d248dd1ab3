// The load generator, always a separate process from the servers it measures: runs autocannon once with the
// plan given as JSON in argv[2] and prints one JSON summary on stdout.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const plan = JSON.parse(process.argv[2]);
let sent = 0;
let exhausted = false;
let instance;

function request(plan) {
  const setupRequest = setupRequestFor(plan);
  const base = { method: plan.method ?? 'GET', path: plan.path, headers: plan.headers ?? {}, body: plan.body };
  return setupRequest ? { ...base, setupRequest } : base;
}

/** Per-request bodies or headers that must differ: a fresh refresh token each, or the next cold client. */
function setupRequestFor(plan) {
  if (plan.bodies) {
    const bodies = JSON.parse(readFileSync(plan.bodies.file, 'utf8'));
    let next = plan.bodies.offset ?? 0;
    return (request) => {
      if (next >= bodies.length) {
        // Never reuse a refresh token: stop the run rather than answer invalid_grant.
        setImmediate(() => instance.stop());
        exhausted = true;
        return request;
      }
      sent++;
      return { ...request, body: bodies[next++] };
    };
  }
  if (plan.authorizations) {
    let next = 0;
    return (request) => {
      const authorization = plan.authorizations[next++ % plan.authorizations.length];
      return { ...request, headers: { ...request.headers, authorization } };
    };
  }
  return undefined;
}

instance = autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.duration,
  amount: plan.amount,
  timeout: plan.timeout ?? 10,
  requests: [request(plan)],
});

instance.on('done', (result) => {
  const statuses = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count;
  process.stdout.write(
    JSON.stringify({
      requests: result.requests.total,
      durationSeconds: result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      statuses,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      bodiesUsed: sent,
      exhausted,
    }),
  );
});
