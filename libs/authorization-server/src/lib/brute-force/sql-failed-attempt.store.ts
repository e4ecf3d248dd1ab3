import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FailedAttemptStore, type CountedKey, type FailurePolicy } from './failed-attempt.store';

/** The existing row's count is over: its window passed without a block, or its block has ended. */
const STALE = `((c.blocked_until IS NULL AND c.window_started_at <= now() - make_interval(secs => $3))
  OR c.blocked_until <= now())`;

/**
 * Counters in Postgres (failed_authentication_counters), on Postgres's clock so that instances with skewed clocks
 * agree. Each failure is one statement over all its keys, so concurrent failures are all counted (the row locks
 * serialise them, taken in key order so two statements never wait on each other).
 */
@Injectable()
export class SqlFailedAttemptStore extends FailedAttemptStore {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async blockedFor(keys: string[]): Promise<number | null> {
    const [row]: { retry_after: number | null }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS retry_after
         FROM failed_authentication_counters WHERE key = ANY($1::text[]) AND blocked_until > now()`,
      [keys],
    );
    return row?.retry_after === null || row?.retry_after === undefined ? null : Math.max(1, row.retry_after);
  }

  async recordFailure(keys: CountedKey[], policy: FailurePolicy): Promise<string[]> {
    const rows: { key: string; failures: number }[] = await this.dataSource.query(
      `WITH attempt AS (SELECT key, max_failures FROM unnest($1::text[], $2::int[]) AS a (key, max_failures))
       INSERT INTO failed_authentication_counters AS c (key, failures, window_started_at, blocked_until)
       SELECT key, 1, now(), CASE WHEN max_failures <= 1 THEN now() + make_interval(secs => $4) END
         FROM attempt ORDER BY key
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${STALE} THEN 1 ELSE c.failures + 1 END,
         window_started_at = CASE WHEN ${STALE} THEN now() ELSE c.window_started_at END,
         blocked_until = CASE
           WHEN c.blocked_until > now() THEN c.blocked_until
           WHEN (CASE WHEN ${STALE} THEN 1 ELSE c.failures + 1 END)
                >= (SELECT a.max_failures FROM attempt a WHERE a.key = c.key)
             THEN now() + make_interval(secs => $4)
         END
       RETURNING key, failures`,
      [keys.map((k) => k.key), keys.map((k) => k.maxFailures), policy.windowSeconds, policy.blockSeconds],
    );
    // The failure that reached the limit is the one whose count equals it; later ones (racing past) find it blocked.
    const limits = new Map(keys.map((k) => [k.key, k.maxFailures]));
    return rows.filter((row) => row.failures === limits.get(row.key)).map((row) => row.key);
  }

  async clear(keys: string[]): Promise<void> {
    await this.dataSource.query(`DELETE FROM failed_authentication_counters WHERE key = ANY($1::text[])`, [keys]);
  }
}
