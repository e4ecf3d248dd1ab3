import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';

/** Only one instance purges at a time. */
const PURGE_LOCK = 7005;

/** A refresh token is kept this long past its expiry, so a late reuse is still recognised as reuse. */
const REFRESH_TOKEN_RETENTION = '1 day';

/** A redeemed or expired code is kept this long, so a late replay still revokes what the code issued. */
const AUTHORIZATION_CODE_RETENTION = '1 day';

/**
 * Each target deletes at most `$1` expired rows per statement (by ctid), so a run never holds long
 * locks. A table that a new feature adds with an expiry gets a line here. `audit_event` never does: it is
 * append-only, and its retention is the operator's decision (ADR 0014).
 */
const TARGETS: Record<string, string> = {
  refresh_tokens: `DELETE FROM refresh_tokens WHERE ctid IN (
      SELECT ctid FROM refresh_tokens WHERE expires_at < now() - interval '${REFRESH_TOKEN_RETENTION}' LIMIT $1)`,
  refresh_family_access_tokens: `DELETE FROM refresh_family_access_tokens WHERE ctid IN (
      SELECT ctid FROM refresh_family_access_tokens WHERE expires_at < now() LIMIT $1)`,
  deny_list: `DELETE FROM deny_list WHERE ctid IN (SELECT ctid FROM deny_list WHERE expires_at < now() LIMIT $1)`,
  authorization_codes: `DELETE FROM authorization_codes WHERE ctid IN (
      SELECT ctid FROM authorization_codes
        WHERE expires_at < now() - interval '${AUTHORIZATION_CODE_RETENTION}' LIMIT $1)`,
  sessions: `DELETE FROM sessions WHERE ctid IN (SELECT ctid FROM sessions WHERE expires_at < now() LIMIT $1)`,
  client_assertion_jtis: `DELETE FROM client_assertion_jtis WHERE ctid IN (
      SELECT ctid FROM client_assertion_jtis WHERE expires_at < now() LIMIT $1)`,
  // A counter is over once its window (at most a day, BRUTE_FORCE_WINDOW) and any block have passed.
  failed_authentication_counters: `DELETE FROM failed_authentication_counters WHERE ctid IN (
      SELECT ctid FROM failed_authentication_counters WHERE window_started_at < now() - interval '1 day'
        AND (blocked_until IS NULL OR blocked_until < now()) LIMIT $1)`,
  signing_keys: `DELETE FROM signing_keys WHERE ctid IN (
      SELECT ctid FROM signing_keys WHERE status IN ('gone', 'revoked')
        AND coalesce(revoked_at, retired_at) < now() - interval '7 days' LIMIT $1)`,
};

/** The background job that deletes expired rows, every PURGE_INTERVAL seconds, in bounded batches. */
@Injectable()
export class ExpiredRowsPurger implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExpiredRowsPurger.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.purgeOnce()
        .catch((error: Error) => this.logger.error(`Purge failed: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, this.config.purge.intervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * One run: for each table, batches until a batch comes back short. Returns the rows deleted per
   * table, or null when another instance holds the purge lock.
   */
  async purgeOnce(): Promise<Record<string, number> | null> {
    // A session lock on one connection, so each batch commits on its own and holds its row locks briefly.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [PURGE_LOCK]);
      if (!locked) return null;
      try {
        const batchSize = this.config.purge.batchSize;
        const deleted: Record<string, number> = {};
        for (const [table, statement] of Object.entries(TARGETS)) {
          deleted[table] = 0;
          for (;;) {
            const [, count]: [unknown, number] = await runner.query(statement, [batchSize]);
            deleted[table] += count;
            if (count < batchSize) break;
          }
        }
        return deleted;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [PURGE_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }
}
