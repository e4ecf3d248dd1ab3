import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** What a resource server must refuse: an access token by `jti`, or every token a key signed, by `kid`. */
export type DenyListKind = 'jti' | 'kid';

export interface DenyListEntry {
  kind: DenyListKind;
  value: string;
  expiresAt: Date;
}

/** A page of the deny-list feed and the cursor to ask from next time. */
export interface DenyListChanges {
  entries: DenyListEntry[];
  cursor: Date;
}

/**
 * Rows listed this long before a cursor are sent again: a transaction that took its `listed_at`
 * before the reader's snapshot but committed after it is still seen (ADR 0006). Readers deduplicate.
 */
const CURSOR_OVERLAP_SECONDS = 10;

/** The shared deny-list in Postgres. */
@Injectable()
export class DenyListRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Lists entries; an entry already listed keeps its first listing. */
  async deny(entries: readonly DenyListEntry[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    for (const entry of entries) {
      await manager.query(
        `INSERT INTO deny_list (kind, value, expires_at) VALUES ($1, $2, $3) ON CONFLICT (kind, value) DO NOTHING`,
        [entry.kind, entry.value, entry.expiresAt],
      );
    }
  }

  async isDenied(kind: DenyListKind, value: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM deny_list WHERE kind = $1 AND value = $2 AND expires_at > now()`,
      [kind, value],
    );
    return rows.length > 0;
  }

  /** Unexpired entries listed since `since` (all of them when null), with the next cursor. */
  async changesSince(since: Date | null): Promise<DenyListChanges> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ now }]: { now: Date }[] = await manager.query(`SELECT now() AS now`);
      const rows: { kind: DenyListKind; value: string; expires_at: Date }[] = await manager.query(
        `SELECT kind, value, expires_at FROM deny_list
         WHERE expires_at > now()
           AND ($1::timestamptz IS NULL OR listed_at > $1::timestamptz - make_interval(secs => $2))
         ORDER BY listed_at`,
        [since, CURSOR_OVERLAP_SECONDS],
      );
      return {
        entries: rows.map((row) => ({ kind: row.kind, value: row.value, expiresAt: row.expires_at })),
        cursor: now,
      };
    });
  }
}
