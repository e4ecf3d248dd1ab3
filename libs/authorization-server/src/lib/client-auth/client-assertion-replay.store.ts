import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Expired rows are deleted at most this often, by the request that happens to come next. */
const PURGE_INTERVAL_MS = 60_000;

/**
 * RFC 7523 §3 (7): remembers every client assertion `jti` until the assertion expires, in Postgres so that every
 * instance sees it. Only assertions that passed every other check are recorded. See docs/adr/0008.
 */
@Injectable()
export class ClientAssertionReplayStore {
  private lastPurge = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** Records the jti; false when it was already recorded and has not expired: a replay. */
  async recordFirstUse(clientId: string, jti: string, expiresAt: Date): Promise<boolean> {
    await this.purgeExpiredNowAndThen();
    // The primary key makes two concurrent uses of one jti insert one row: exactly one of them wins.
    // A row that has expired may be taken over (it could not be purged yet); a live one may not.
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO client_assertion_jtis (client_id, jti, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (client_id, jti) DO UPDATE SET expires_at = EXCLUDED.expires_at
         WHERE client_assertion_jtis.expires_at < now()
       RETURNING jti`,
      [clientId, jti, expiresAt],
    );
    return rows.length === 1;
  }

  private async purgeExpiredNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now;
    await this.dataSource.query(`DELETE FROM client_assertion_jtis WHERE expires_at < now()`);
  }
}
