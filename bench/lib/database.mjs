// The database the measured services use: a fresh database on the DATABASE_URL server, or an embedded PGlite.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from './services.mjs';

/** Opens the benchmark database: `{ url, kind, query(sql, params), close() }`. */
export async function openBenchDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  return serverUrl ? freshDatabaseOn(serverUrl) : embedded();
}

async function freshDatabaseOn(serverUrl) {
  const name = `oauth_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    url: url.toString(),
    kind: `Postgres (${(await client.query('SHOW server_version')).rows[0].server_version}) at ${url.host}`,
    query: (sql, params) => client.query(sql, params),
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}

async function embedded() {
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'lib', 'embedded-postgres.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`embedded Postgres exited with ${code}`)));
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    kind: 'embedded PGlite (in memory)',
    query: (sql, params) => client.query(sql, params),
    async close() {
      await client.end().catch(() => undefined);
      child.kill('SIGTERM');
    },
  };
}

/**
 * Stores `count` refresh tokens of `clientId`, each the first of its own family, and writes the token request
 * bodies that redeem them to `file`: the pool scenario 4 draws a fresh token from for every request.
 */
export async function preIssueRefreshTokens(db, { clientId, scope, audience, count, file }) {
  const bodies = [];
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const tokens = Array.from({ length: Math.min(batch, count - start) }, () => randomBytes(32).toString('base64url'));
    const hashes = tokens.map((token) => createHash('sha256').update(token).digest('base64url'));
    await db.query(
      `INSERT INTO refresh_tokens (token_hash, family_id, client_id, subject, audience, scope, expires_at)
       SELECT h, gen_random_uuid(), $2, $2, $3, $4, now() + interval '1 day' FROM unnest($1::text[]) AS h`,
      [hashes, clientId, audience, scope],
    );
    for (const token of tokens) bodies.push(`grant_type=refresh_token&refresh_token=${token}`);
  }
  writeFileSync(file, JSON.stringify(bodies));
}

/**
 * RFC 9700 §4.14.2 rotation, checked in the database after scenario 4: no family was revoked (no token was seen
 * twice) and no token was rotated more than once.
 */
export async function checkRotationExactlyOnce(db, clientId) {
  const { rows } = await db.query(
    `SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked,
            count(*) FILTER (WHERE rotated_at IS NOT NULL)::int AS rotated,
            (SELECT count(*)::int FROM (SELECT family_id FROM refresh_tokens WHERE client_id = $1
               GROUP BY family_id HAVING count(*) > 2) f) AS over_rotated
     FROM refresh_tokens WHERE client_id = $1`,
    [clientId],
  );
  const { revoked, rotated, over_rotated: overRotated } = rows[0];
  return { ok: revoked === 0 && overRotated === 0, revoked, rotated, overRotated };
}
