import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from '@oauth/database';
import { MetricsRegistry } from '@oauth/metrics';
import type { RecordedAuditEvent } from './audit-event';

/** How long the writer waits, and between which attempts; tests shorten it. */
export interface AuditWriterTiming {
  /** Before each INSERT, so that the events of concurrent requests share it. */
  lingerMs: number;
  /** Between attempts while the database is unreachable; the last one repeats. */
  retryDelaysMs: readonly number[];
}

/** Injection token for AuditWriterTiming. */
export const AUDIT_WRITER_TIMING = Symbol('AUDIT_WRITER_TIMING');
const DEFAULT_TIMING: AuditWriterTiming = { lingerMs: 20, retryDelaysMs: [250, 1_000, 5_000, 15_000, 30_000] };

/** Rows per INSERT. */
const BATCH_SIZE = 200;
/** Events held while the database is unreachable; beyond this the oldest are given up (they are in the log). */
const MAX_PENDING = 10_000;
/** How long shutdown waits for the last events to be written. */
const SHUTDOWN_FLUSH_MS = 5_000;

const INSERT_EVENTS = `
  INSERT INTO audit_event (occurred_at, type, outcome, client_id, subject, request_id, source_address, details)
  SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
    $8::jsonb[])`;

/**
 * Writes audit events to `audit_event` after the action they describe, off the request's path (ADR 0014).
 * One INSERT at a time, after a short wait: the events of concurrent requests share it, so under load the
 * table costs one statement per batch (tens of events) rather than one per event. While the database is unreachable, events wait and
 * the write is retried with back-off.
 */
@Injectable()
export class AuditEventWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  private readonly failures;
  private pending: RecordedAuditEvent[] = [];
  private draining?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    metrics: MetricsRegistry,
    @Optional() @Inject(AUDIT_WRITER_TIMING) private readonly timing: AuditWriterTiming = DEFAULT_TIMING,
  ) {
    this.failures = metrics.counter(
      'audit_write_failures_total',
      'Failed writes of audit events to the audit_event table (the events are in the log)',
      ['reason'],
    );
  }

  enqueue(event: RecordedAuditEvent): void {
    if (this.stopped) {
      this.logger.error(`Audit event ${event.type} after shutdown began: only in the log`);
      return;
    }
    this.pending.push(event);
    this.dropOverflow();
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** Resolves once every event enqueued so far is written (or given up). */
  async flush(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async beforeApplicationShutdown(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_FLUSH_MS)));
    await Promise.race([this.flush(), deadline]);
    clearTimeout(timer);
    this.stopped = true;
    if (this.pending.length > 0) {
      this.logger.error(
        `${this.pending.length} audit events not written to the table at shutdown; they are in the log`,
      );
    }
  }

  private async drain(): Promise<void> {
    let attempt = 0;
    while (this.pending.length > 0 && !this.stopped) {
      if (this.pending.length < BATCH_SIZE) await sleep(this.timing.lingerMs);
      const batch = this.pending.splice(0, BATCH_SIZE);
      try {
        await this.write(batch);
        attempt = 0;
      } catch (error) {
        // What `write` could not write goes back to the front, in order.
        this.pending.unshift(...batch);
        this.dropOverflow();
        this.failures.inc({ reason: 'database_unavailable' });
        if (attempt === 0) {
          this.logger.error(`Audit events cannot be written yet (${(error as Error).message}); retrying`);
        }
        const delays = this.timing.retryDelaysMs;
        await sleep(delays[Math.min(attempt, delays.length - 1)]);
        attempt += 1;
      }
    }
  }

  /**
   * Writes the batch, removing from it what was written. Throws only while the database is unreachable. A
   * refusal of another kind means some row cannot be stored: rows are then written one by one, and a row
   * refused on its own is given up, so it cannot hold back the others.
   */
  private async write(batch: RecordedAuditEvent[]): Promise<void> {
    try {
      await this.insert(batch);
      batch.length = 0;
      return;
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw error;
    }
    while (batch.length > 0) {
      try {
        await this.insert([batch[0]]);
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        this.failures.inc({ reason: 'rejected' });
        this.logger.error(`Audit event ${batch[0].type} refused by the database: ${(error as Error).message}`);
      }
      batch.shift();
    }
  }

  private async insert(events: readonly RecordedAuditEvent[]): Promise<void> {
    // One array per column: the statement text is the same for any batch size, and short for Postgres to parse.
    await this.dataSource.query(INSERT_EVENTS, [
      events.map((event) => event.occurredAt),
      events.map((event) => event.type),
      events.map((event) => event.outcome),
      events.map((event) => event.clientId),
      events.map((event) => event.subject),
      events.map((event) => event.requestId),
      events.map((event) => event.sourceAddress),
      events.map((event) => JSON.stringify(event.details)),
    ]);
  }

  private dropOverflow(): void {
    const excess = this.pending.length - MAX_PENDING;
    if (excess <= 0) return;
    this.pending.splice(0, excess);
    this.failures.inc({ reason: 'dropped' }, excess);
    this.logger.error(`${excess} audit events dropped from the write queue; they are in the log`);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
