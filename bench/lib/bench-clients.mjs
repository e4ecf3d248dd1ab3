// The clients the benchmark registers in CLIENTS, with bcrypt hashes (cost 11, the lowest the server accepts).
// Hashing 100+ secrets costs ~15 s of CPU, so they are made once on worker threads and kept under tmp/ (git-ignored).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT } from './services.mjs';

const COST = 11;
const CACHE = join(ROOT, 'tmp', 'bench', `clients-cost${COST}.json`);
const HASH_WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { hashSync } = require('bcryptjs');
  parentPort.postMessage(workerData.secrets.map((secret) => hashSync(secret, workerData.cost)));
`;

/** `{ warm, refresh, feed, cold[] }`: each `{ clientId, secret, hash, grantTypes, scope }`. */
export async function benchClients(coldCount) {
  const cached = existsSync(CACHE) ? JSON.parse(readFileSync(CACHE, 'utf8')) : null;
  if (cached?.feed && cached.cold.length >= coldCount) return cached;
  const make = (clientId, grantTypes, scope = 'other.read other.write') => ({
    clientId,
    secret: randomBytes(32).toString('base64url'),
    grantTypes,
    scope,
  });
  const clients = [
    make('bench', ['client_credentials']),
    make('bench-refresh', ['client_credentials', 'refresh_token']),
    // The resource API reads the deny-list feed as the client named after its audience (ADR 0006).
    make('other', ['client_credentials'], 'server.deny-list'),
    ...Array.from({ length: coldCount }, (_, i) =>
      make(`bench-cold-${String(i).padStart(3, '0')}`, ['client_credentials']),
    ),
  ];
  const hashes = await hashInParallel(clients.map((client) => client.secret));
  clients.forEach((client, i) => (client.hash = hashes[i]));
  const result = { warm: clients[0], refresh: clients[1], feed: clients[2], cold: clients.slice(3) };
  mkdirSync(join(ROOT, 'tmp', 'bench'), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(result));
  return result;
}

async function hashInParallel(secrets) {
  const threads = availableParallelism();
  const share = Math.ceil(secrets.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, i) =>
      runWorker({ secrets: secrets.slice(i * share, (i + 1) * share), cost: COST }),
    ),
  );
  return parts.flat();
}

function runWorker(workerData) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** The CLIENTS setting of the auth server for these clients. */
export function clientsSetting(clients) {
  return JSON.stringify(
    clients.map((client) => ({
      client_id: client.clientId,
      client_secret_hash: client.hash,
      grant_types: client.grantTypes,
      scope: client.scope,
    })),
  );
}

/** RFC 6749 §2.3.1 Basic credentials (the benchmark's ids and secrets need no form-encoding). */
export function basic(client) {
  return `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`;
}
