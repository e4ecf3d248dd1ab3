import { decodeJwt } from 'jose';
import type { ClientMetadata } from '../admin/clients/client-metadata.schema';
import type { PresentedCredentials } from '../client-auth/presented-credentials';
import type { RegisteredClient } from '../clients/registered-client';
import type { DenyListEntry } from '../deny-list/deny-list.repository';
import type { TokenResponse } from '../token/token-response';
import type { AuditEvent } from './audit-event';

// One builder per event type, so what each event stores is reviewed in one place: identifiers, never secrets.

/** Why client authentication failed, in categories an operator can count; the exact reason is in the log. */
export type ClientAuthenticationFailure =
  | 'unknown_client'
  | 'method_not_registered'
  | 'wrong_secret'
  | 'no_usable_secret'
  | 'invalid_assertion';

/** Why a token went on the deny-list. */
export type DenyListReason = 'operator' | 'revoked_by_client' | 'refresh_token_family_ended';

/** A presented client_id is caller input: bounded, and without control characters (Postgres refuses NUL). */
const presentedText = (value: string) => value.slice(0, 128).replace(/\p{Cc}/gu, '?');

export function tokenIssued(grantType: string, client: RegisteredClient, response: TokenResponse): AuditEvent {
  // Our own token, just signed: its claims are read back rather than passed through every grant.
  const claims = decodeJwt(response.access_token);
  return {
    type: 'token.issued',
    outcome: 'success',
    clientId: client.clientId,
    subject: claims.sub ?? null,
    details: {
      grant_type: grantType,
      scope: response.scope,
      audience: typeof claims.aud === 'string' ? claims.aud : null,
      jti: claims.jti ?? null,
      refresh_token_issued: response.refresh_token !== undefined,
    },
  };
}

export function clientAuthenticationFailed(
  presented: PresentedCredentials,
  reason: ClientAuthenticationFailure,
): AuditEvent {
  return {
    type: 'client.authentication_failed',
    outcome: 'failure',
    clientId: presentedText(presented.clientId),
    details: { method: presented.method, reason },
  };
}

/** RFC 9700 §4.14.2: a rotated refresh token came back; its family was ended. */
export function refreshTokenReuseDetected(familyId: string, clientId: string, subject: string): AuditEvent {
  return {
    type: 'refresh_token.reuse_detected',
    outcome: 'failure',
    clientId,
    subject,
    details: { family_id: familyId },
  };
}

export function signingKeyRotated(
  kid: string,
  previousKid: string | null,
  trigger: 'operator' | 'schedule',
): AuditEvent {
  return { type: 'signing_key.rotated', outcome: 'success', details: { kid, previous_kid: previousKid, trigger } };
}

export function signingKeyRevoked(kid: string, previousStatus: string): AuditEvent {
  return { type: 'signing_key.revoked', outcome: 'success', details: { kid, previous_status: previousStatus } };
}

/** Registration metadata without keys or secrets. */
function metadataDetails(metadata: ClientMetadata) {
  return {
    token_endpoint_auth_method: metadata.tokenEndpointAuthMethod,
    grant_types: metadata.grantTypes,
    scope: metadata.scope,
    redirect_uris: metadata.redirectUris,
  };
}

export function clientCreated(clientId: string, metadata: ClientMetadata): AuditEvent {
  return { type: 'client.created', outcome: 'success', clientId, details: metadataDetails(metadata) };
}

export function clientUpdated(clientId: string, metadata: ClientMetadata): AuditEvent {
  return { type: 'client.updated', outcome: 'success', clientId, details: metadataDetails(metadata) };
}

export function clientDeleted(clientId: string): AuditEvent {
  return { type: 'client.deleted', outcome: 'success', clientId };
}

export function clientSecretRotated(clientId: string, previousSecretExpiresAt: Date): AuditEvent {
  return {
    type: 'client.secret_rotated',
    outcome: 'success',
    clientId,
    // Seconds since the epoch, as the rotate-secret answer gives it.
    details: { previous_secret_expires_at: Math.floor(previousSecretExpiresAt.getTime() / 1000) },
  };
}

/** Access tokens put on the deny-list, by `jti`; one event for the tokens of one action. */
export function tokensDenyListed(
  entries: readonly DenyListEntry[],
  reason: DenyListReason,
  clientId: string | null = null,
  extra: { family_id?: string } = {},
): AuditEvent {
  return {
    type: 'token.deny_listed',
    outcome: 'success',
    clientId,
    details: { jti: entries.map((entry) => entry.value), reason, ...extra },
  };
}
