/** The security-relevant events the auth server records (ADR 0014). */
export type AuditEventType =
  | 'token.issued'
  | 'client.authentication_failed'
  | 'refresh_token.reuse_detected'
  | 'signing_key.rotated'
  | 'signing_key.revoked'
  | 'client.created'
  | 'client.updated'
  | 'client.deleted'
  | 'client.secret_rotated'
  | 'token.deny_listed';

/** Whether what the event describes went through (`success`) or was refused (`failure`). */
export type AuditOutcome = 'success' | 'failure';

export type AuditDetail = string | number | boolean | null | readonly AuditDetail[] | { [key: string]: AuditDetail };

/**
 * What a call site says happened. `details` holds identifiers and settings (a `jti`, a `kid`, a family id,
 * scopes), never a secret, a token, an assertion or a hash.
 */
export interface AuditEvent {
  type: AuditEventType;
  outcome: AuditOutcome;
  /** The client the event is about: the one a token was issued to, one that failed to authenticate, one changed. */
  clientId?: string | null;
  /** The subject of the token the event is about. */
  subject?: string | null;
  details?: { [key: string]: AuditDetail };
}

/** An event as stored: with when, and the request it happened in (none for background jobs). */
export interface RecordedAuditEvent {
  occurredAt: Date;
  type: AuditEventType;
  outcome: AuditOutcome;
  clientId: string | null;
  subject: string | null;
  requestId: string | null;
  sourceAddress: string | null;
  details: { [key: string]: AuditDetail };
}
