// `npm run bench`: our auth server and resource API against node-oidc-provider, on loopback, with autocannon in
// a separate process. See the "Benchmark" section of the README for how to run it and how to read it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { basic, benchClients, clientsSetting } from './lib/bench-clients.mjs';
import { checkRotationExactlyOnce, openBenchDatabase, preIssueRefreshTokens } from './lib/database.mjs';
import { aggregate, evaluateTargets, renderSvg, renderTable, renderTargets } from './lib/report.mjs';
import { freePort, ROOT, runLoad, startServer } from './lib/services.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    rounds: { type: 'string' },
    concurrency: { type: 'string' },
    scenarios: { type: 'string' },
    'cold-clients': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const quick = args.quick;
const settings = {
  duration: Number(args.duration ?? (quick ? 2 : 8)),
  warmup: Number(args.warmup ?? (quick ? 1 : 2)),
  rounds: Number(args.rounds ?? (quick ? 1 : 2)),
  concurrency: (args.concurrency ?? (quick ? '16' : '1,16,64')).split(',').map(Number),
  scenarios: new Set((args.scenarios ?? '1,2,3,4,5,6').split(',')),
  coldClients: Number(args['cold-clients'] ?? (quick ? 20 : 100)),
  // Refresh tokens pre-issued per second of scenario-4 load; a run that drains the pool stops early and says so.
  refreshPoolRate: 5_000,
};
const outDir = args.out ?? join(ROOT, quick ? 'tmp/bench/quick' : 'bench/results');
const SCOPE = 'other.read';
const runs = [];
const extra = {};
const cleanups = [];

function log(line) {
  process.stderr.write(`[bench] ${line}\n`);
}

function build() {
  if (args['skip-build']) return;
  log('building auth-server and resource-api');
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'auth-server,resource-api', '--output-style=static'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } },
  );
  if (result.status !== 0) throw new Error('the build failed');
}

async function startOurs(db, clients, alg) {
  const port = await freePort();
  const server = await startServer(`auth-server ${alg}`, join(ROOT, 'dist/apps/auth-server/main.js'), port, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    AUTH_SERVER_PORT: String(port),
    ISSUER: `http://127.0.0.1:${port}`,
    KEY_ENCRYPTION_KEY: db.keyEncryptionKey,
    SIGNING_ALG: alg,
    CLIENTS: clientsSetting([clients.warm, clients.refresh, clients.feed, ...clients.cold]),
  });
  cleanups.push(() => server.stop());
  return server;
}

async function startPeer(clients, alg) {
  const port = await freePort();
  const server = await startServer(`oidc-provider ${alg}`, join(ROOT, 'bench/peer/oidc-provider-peer.mjs'), port, {
    NODE_ENV: 'production',
    PORT: String(port),
    BENCH_ALG: alg,
    BENCH_CLIENT_ID: clients.warm.clientId,
    BENCH_CLIENT_SECRET: clients.warm.secret,
  });
  cleanups.push(() => server.stop());
  return server;
}

/** One measured run: warm-up (checked, not recorded), then the probe around a bounded autocannon run. */
async function measure({ scenario, label, serverLabel, server, concurrency, plan, warm = true }) {
  const base = { url: server.url, connections: concurrency, ...plan };
  if (warm) {
    const warmup = await runLoad({ ...base, duration: settings.warmup, amount: undefined });
    if (plan.bodies) plan.bodies.offset = (plan.bodies.offset ?? 0) + warmup.bodiesUsed;
    if (plan.onResult) plan.onResult(warmup);
    const problem = unexpected(warmup);
    if (problem)
      return record({
        scenario,
        label,
        server: serverLabel,
        concurrency,
        failed: true,
        failure: `warm-up: ${problem}`,
      });
  }
  await server.probeStart();
  const started = process.hrtime.bigint();
  const result = await runLoad({ ...base, duration: settings.duration });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const probe = await server.probeStop();
  if (plan.bodies) plan.bodies.offset += result.bodiesUsed;
  if (plan.onResult) plan.onResult(result);
  const problem = unexpected(result);
  return record({
    scenario,
    label,
    server: serverLabel,
    concurrency,
    failed: problem !== undefined,
    failure: problem,
    rps: result.requests / result.durationSeconds,
    p50: result.p50,
    p99: result.p99,
    cpuMsPerRequest: probe.cpuMicros / 1000 / Math.max(1, result.requests),
    peakRssMb: probe.peakRss / 2 ** 20,
    loopDelayP99Ms: probe.loopDelayMs.p99,
    coresUsed: probe.cpuMicros / 1000 / wallMs,
    requests: result.requests,
    exhausted: result.exhausted,
  });
}

/** Every request must answer 2xx: a run with errors is a failed run, not a fast one. */
function unexpected(result) {
  if (result.non2xx > 0) return `${result.non2xx} non-2xx: ${JSON.stringify(result.statuses)}`;
  if (result.errors > 0 || result.timeouts > 0) return `${result.errors} errors, ${result.timeouts} timeouts`;
  if (result.requests === 0) return 'no requests completed';
  return undefined;
}

function record(run) {
  runs.push(run);
  const summary = run.failed
    ? `FAILED: ${run.failure}`
    : `${run.rps.toFixed(0)} req/s, p99 ${run.p99.toFixed(1)} ms, ${run.cpuMsPerRequest.toFixed(3)} CPU ms/req`;
  log(`${run.scenario}. ${run.label} [${run.server} c=${run.concurrency}] ${summary}`);
  return run;
}

const tokenPlan = (client, scope = SCOPE) => ({
  method: 'POST',
  path: '/token',
  headers: { authorization: basic(client), 'content-type': 'application/x-www-form-urlencoded' },
  body: `grant_type=client_credentials&scope=${encodeURIComponent(scope)}`,
});

/** One request before any load, so the first bcrypt check of a warm scenario is not paid by 64 connections at once. */
async function prime(server, plan) {
  const response = await fetch(`${server.url}${plan.path}`, {
    method: plan.method,
    headers: plan.headers,
    body: plan.body,
  });
  if (!response.ok) throw new Error(`${server.name} answered ${response.status} to ${plan.method} ${plan.path}`);
}

/** Scenarios 1 and 2: ours and the peer alternate (ABBA for two rounds) so drift hits both alike. */
async function clientCredentialsAgainstPeer(scenario, alg, db, clients) {
  const ours = await startOurs(db, clients, alg);
  const peer = await startPeer(clients, alg);
  const label = `client_credentials ${alg}`;
  await prime(ours, tokenPlan(clients.warm));
  await prime(peer, tokenPlan(clients.warm));
  for (const concurrency of settings.concurrency) {
    for (let round = 0; round < settings.rounds; round++) {
      const order = round % 2 === 0 ? [ours, peer] : [peer, ours];
      for (const server of order) {
        const serverLabel = server === ours ? 'ours' : 'peer';
        await measure({ scenario, label, serverLabel, server, concurrency, plan: tokenPlan(clients.warm) });
      }
    }
  }
  await peer.stop();
  return ours;
}

async function withRefreshTokens(ours, clients) {
  await prime(ours, tokenPlan(clients.refresh));
  for (const concurrency of settings.concurrency) {
    await measure({
      scenario: '3',
      label: 'client_credentials + refresh token',
      serverLabel: 'ours',
      server: ours,
      concurrency,
      plan: tokenPlan(clients.refresh),
    });
  }
}

async function refreshRotation(ours, db, clients) {
  await prime(ours, tokenPlan(clients.refresh));
  const file = join(ROOT, 'tmp', 'bench', 'refresh-pool.json');
  const perLevel = Math.ceil(settings.refreshPoolRate * (settings.duration + settings.warmup));
  const count = perLevel * settings.concurrency.length;
  log(`pre-issuing ${count} refresh tokens`);
  await preIssueRefreshTokens(db, { clientId: clients.refresh.clientId, scope: SCOPE, audience: 'other', count, file });
  const bodies = { file, offset: 0 };
  let answered = 0;
  for (const concurrency of settings.concurrency) {
    const run = await measure({
      scenario: '4',
      label: 'refresh_token rotation',
      serverLabel: 'ours',
      server: ours,
      concurrency,
      plan: {
        ...tokenPlan(clients.refresh),
        body: undefined,
        bodies,
        onResult: (result) => (answered += result.statuses['200'] ?? 0),
      },
    });
    if (run.exhausted) log('the refresh-token pool ran out: raise refreshPoolRate');
  }
  const rotation = await checkRotationExactlyOnce(db, clients.refresh.clientId);
  // Every 200 rotated exactly one token; requests cut off at the end of a run may have rotated one more.
  rotation.ok = rotation.ok && rotation.rotated >= answered && rotation.rotated <= bodies.offset;
  rotation.answered = answered;
  extra.rotation = rotation;
  log(`rotation check: ${JSON.stringify(rotation)}`);
}

async function resourceApi(ours, db, clients) {
  const port = await freePort();
  const api = await startServer('resource-api', join(ROOT, 'dist/apps/resource-api/main.js'), port, {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    RESOURCE_API_PORT: String(port),
    ISSUER: ours.url,
    // Production requires the deny-list feed; it is pulled in the background, checked in memory per request.
    DENY_LIST_CLIENT_SECRET: clients.feed.secret,
  });
  cleanups.push(() => api.stop());
  const response = await fetch(`${ours.url}/token`, {
    method: 'POST',
    headers: tokenPlan(clients.warm).headers,
    body: `grant_type=client_credentials&scope=${encodeURIComponent('other.read other.write')}`,
  });
  const { access_token: token } = await response.json();
  for (const concurrency of settings.concurrency) {
    for (let round = 0; round < settings.rounds; round++) {
      const user = { path: '/user', headers: { authorization: `Bearer ${token}` } };
      const baseline = { path: '/health/live' };
      const order =
        round % 2 === 0
          ? [
              ['ours', user],
              ['baseline', baseline],
            ]
          : [
              ['baseline', baseline],
              ['ours', user],
            ];
      for (const [serverLabel, plan] of order) {
        const label = serverLabel === 'ours' ? 'resource API GET /user' : 'resource API GET /health/live';
        await measure({
          scenario: '5',
          label: 'GET /user vs unauthenticated',
          serverLabel,
          server: api,
          concurrency,
          plan: { ...plan, label },
        });
      }
    }
  }
  await api.stop();
}

/** Scenario 6: a fresh process per level, so every client's first check is a real bcrypt run. */
async function coldClients(db, clients) {
  const cold = clients.cold.slice(0, settings.coldClients);
  for (const concurrency of settings.concurrency) {
    const ours = await startOurs(db, clients, 'RS256');
    // Warm the JIT and the pools on an endpoint that checks no secret.
    await runLoad({ url: ours.url, path: '/.well-known/jwks.json', connections: 4, duration: settings.warmup });
    await measure({
      scenario: '6',
      label: `cold client authentication (${cold.length} clients)`,
      serverLabel: 'ours',
      server: ours,
      concurrency,
      warm: false,
      // Every request waits for bcrypt behind the others: the client timeout must outlast the whole burst.
      plan: { ...tokenPlan(cold[0]), authorizations: cold.map(basic), amount: cold.length, timeout: 120 },
    });
    await ours.stop();
  }
}

function writeResults(db) {
  const cells = aggregate(runs);
  const targets = evaluateTargets(cells, extra);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
  const markdown = [
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString()} on ${machine}; database: ${db.kind}.`,
    `Each run: ${settings.warmup} s warm-up, then ${settings.duration} s of load (scenario 6: ${settings.coldClients} requests) ` +
      `from autocannon in its own process; ${settings.rounds} alternating round(s) for the compared scenarios.`,
    'CPU and peak RSS are the measured server process only (not Postgres, not the load generator).',
    '',
    '## Targets',
    '',
    renderTargets(targets),
    '',
    '## All runs (means over rounds)',
    '',
    renderTable(cells),
    '',
    '![req/s per scenario](throughput.svg)',
    '',
  ].join('\n');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.md'), markdown);
  writeFileSync(join(outDir, 'throughput.svg'), renderSvg(cells, `req/s on ${machine}`));
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify(
      { settings: { ...settings, scenarios: [...settings.scenarios] }, machine, database: db.kind, runs, extra },
      null,
      2,
    ),
  );
  process.stdout.write(`${markdown}\nWritten to ${outDir}\n`);
}

async function cleanUp() {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  cleanups.length = 0;
}

// Ctrl-C stops the servers, the embedded database and drops the benchmark database too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanUp().then(() => process.exit(130)));
}

async function main() {
  build();
  const clients = await benchClients(settings.coldClients);
  const db = await openBenchDatabase();
  db.keyEncryptionKey = randomBytes(32).toString('base64url');
  cleanups.push(() => db.close());
  log(`database: ${db.kind}`);
  const wants = (scenario) => settings.scenarios.has(scenario);
  let ours;
  if (wants('1') || wants('3') || wants('4') || wants('5')) {
    ours = wants('1')
      ? await clientCredentialsAgainstPeer('1', 'RS256', db, clients)
      : await startOurs(db, clients, 'RS256');
    if (wants('3')) await withRefreshTokens(ours, clients);
    if (wants('4')) await refreshRotation(ours, db, clients);
    if (wants('5')) await resourceApi(ours, db, clients);
    await ours.stop();
  }
  if (wants('2')) await (await clientCredentialsAgainstPeer('2', 'ES256', db, clients)).stop();
  if (wants('6')) await coldClients(db, clients);
  writeResults(db);
  return runs.some((run) => run.failed) ? 1 : 0;
}

main()
  .catch((error) => {
    process.stderr.write(`[bench] ${error.stack ?? error}\n`);
    return 1;
  })
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  });
