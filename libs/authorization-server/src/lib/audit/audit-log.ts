import { Injectable, Logger } from '@nestjs/common';
import { currentRequest } from '@oauth/logging';
import type { AdminRequest } from '../admin/server-admin.guard';
import type { AuditEvent, RecordedAuditEvent } from './audit-event';
import { AuditEventWriter } from './audit-event.writer';

/**
 * Records security-relevant events (ADR 0014): each is logged at once, with the request's id, and written to
 * the append-only `audit_event` table right after. `record` never throws and never waits for the database,
 * so auditing cannot turn a completed action into an error.
 */
@Injectable()
export class AuditLog {
  private readonly logger = new Logger('Audit');

  constructor(private readonly writer: AuditEventWriter) {}

  record(event: AuditEvent): void {
    const request = currentRequest() as AdminRequest | undefined;
    const operator = request?.adminCaller;
    const recorded: RecordedAuditEvent = {
      occurredAt: new Date(),
      type: event.type,
      outcome: event.outcome,
      clientId: event.clientId ?? null,
      subject: event.subject ?? null,
      requestId: request?.id ?? null,
      sourceAddress: request?.ip ?? null,
      details: {
        ...event.details,
        // Who did it, for operator actions: the admin token's client and subject.
        ...(operator ? { operator: { client_id: operator.clientId, sub: operator.subject } } : {}),
      },
    };
    const line = {
      audit: {
        type: recorded.type,
        outcome: recorded.outcome,
        client_id: recorded.clientId,
        subject: recorded.subject,
        source_address: recorded.sourceAddress,
        details: recorded.details,
      },
    };
    if (recorded.outcome === 'failure') this.logger.warn(line, `audit ${recorded.type}`);
    else this.logger.log(line, `audit ${recorded.type}`);
    this.writer.enqueue(recorded);
  }

  /** Resolves once every event recorded so far is in the table. */
  flush(): Promise<void> {
    return this.writer.flush();
  }
}
