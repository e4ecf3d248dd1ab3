import { decodeJwt } from 'jose';
import { AuditLog } from '../../src/lib/audit/audit-log';
import { KeyLifecycle } from '../../src/lib/keys/key-lifecycle';
import { ExpiredRowsPurger } from '../../src/lib/purge/expired-rows.purger';
import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';
import { OPERATOR, clientCredentialsToken } from '../support/tokens';

const service: TestClient = {
  clientId: 'svc',
  secret: 'svc-secret-value',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read',
};

interface AuditRow {
  id: string;
  occurred_at: Date;
  type: string;
  outcome: string;
  client_id: string | null;
  subject: string | null;
  request_id: string | null;
  source_address: string | null;
  details: Record<string, unknown>;
}

describe('audit_event: security events in an append-only table (ADR 0014)', () => {
  let server: RunningAuthServer;
  let requestCounter = 0;

  beforeAll(async () => {
    server = await startAuthServer([service, OPERATOR]);
  });
  afterAll(() => server.close());

  /** A fresh X-Request-Id, to find the rows one request wrote. */
  const nextRequestId = () => `audit-test-${++requestCounter}`;

  /** Every row written for the request, once the writer has caught up. */
  async function rowsOf(requestId: string): Promise<AuditRow[]> {
    await server.app.get(AuditLog).flush();
    return server.dataSource.query(`SELECT * FROM audit_event WHERE request_id = $1 ORDER BY id`, [requestId]);
  }

  const token = (form: Record<string, string>, requestId: string, client: TestClient = service) =>
    postForm(`${server.url}/token`, form, {
      authorization: basic(client.clientId, client.secret),
      'x-request-id': requestId,
    });

  /** An operator request, with a fresh admin token (a test here revokes signing keys). */
  const admin = async (method: string, path: string, requestId: string, body?: unknown) => {
    const adminToken = await clientCredentialsToken(server.url, OPERATOR, 'server.admin');
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${adminToken}`,
        'x-request-id': requestId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  it('records an issued token with its grant, client, subject, scope and jti, and the request it came from', async () => {
    const requestId = nextRequestId();
    const issued = await token({ grant_type: 'client_credentials', scope: 'other.read' }, requestId);
    expect(issued.status).toBe(200);

    const rows = await rowsOf(requestId);
    expect(rows).toEqual([
      expect.objectContaining({
        type: 'token.issued',
        outcome: 'success',
        client_id: 'svc',
        subject: 'svc',
        request_id: requestId,
        source_address: '127.0.0.1',
        details: {
          grant_type: 'client_credentials',
          scope: 'other.read',
          audience: 'other',
          jti: decodeJwt(issued.body['access_token'] as string).jti,
          refresh_token_issued: true,
        },
      }),
    ]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(issued.body['access_token']);
    expect(stored).not.toContain(issued.body['refresh_token']);
    expect(stored).not.toContain(service.secret);
  });

  it('records a refresh as an issued token of the refresh_token grant', async () => {
    const first = await token({ grant_type: 'client_credentials', scope: 'other.read' }, nextRequestId());
    const requestId = nextRequestId();
    const refreshed = await token(
      { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string },
      requestId,
    );
    expect(refreshed.status).toBe(200);

    const rows = await rowsOf(requestId);
    expect(rows.map((row) => [row.type, row.details['grant_type'], row.details['jti']])).toEqual([
      ['token.issued', 'refresh_token', decodeJwt(refreshed.body['access_token'] as string).jti],
    ]);
    expect(JSON.stringify(rows)).not.toContain(first.body['refresh_token']);
  });

  it('records failed client authentication with the client_id as presented, the method and a reason category', async () => {
    const wrongSecret = nextRequestId();
    const unknownClient = nextRequestId();
    const wrongMethod = nextRequestId();
    expect(
      (await token({ grant_type: 'client_credentials' }, wrongSecret, { ...service, secret: 'guess-1' })).status,
    ).toBe(401);
    await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'guess-2' },
      { 'x-request-id': unknownClient },
    );
    await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', client_id: 'svc', client_secret: 'guess-3' },
      { 'x-request-id': wrongMethod },
    );

    const failures = [...(await rowsOf(wrongSecret)), ...(await rowsOf(unknownClient)), ...(await rowsOf(wrongMethod))];
    expect(failures.map((row) => [row.type, row.outcome, row.client_id, row.details])).toEqual([
      ['client.authentication_failed', 'failure', 'svc', { method: 'client_secret_basic', reason: 'wrong_secret' }],
      ['client.authentication_failed', 'failure', 'nobody', { method: 'client_secret_post', reason: 'unknown_client' }],
      [
        'client.authentication_failed',
        'failure',
        'svc',
        { method: 'client_secret_post', reason: 'method_not_registered' },
      ],
    ]);
    for (const guess of ['guess-1', 'guess-2', 'guess-3']) expect(JSON.stringify(failures)).not.toContain(guess);
  });

  it('records refresh-token reuse with the family, and the family access tokens it deny-listed (RFC 9700 §4.14.2)', async () => {
    const first = await token({ grant_type: 'client_credentials', scope: 'other.read' }, nextRequestId());
    const second = await token(
      { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string },
      nextRequestId(),
    );
    const requestId = nextRequestId();
    const reused = await token(
      { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string },
      requestId,
    );
    expect(reused.status).toBe(400);

    const [{ family_id: familyId }]: { family_id: string }[] = await server.dataSource.query(
      `SELECT DISTINCT family_id FROM refresh_tokens WHERE client_id = 'svc' AND revoked_at IS NOT NULL
         AND family_id IN (SELECT family_id FROM refresh_family_access_tokens WHERE jti = $1)`,
      [decodeJwt(second.body['access_token'] as string).jti],
    );
    const rows = await rowsOf(requestId);
    expect(rows.map((row) => [row.type, row.outcome, row.client_id, row.subject])).toEqual([
      ['token.deny_listed', 'success', null, null],
      ['refresh_token.reuse_detected', 'failure', 'svc', 'svc'],
    ]);
    expect(rows[0].details).toEqual({
      jti: expect.arrayContaining([
        decodeJwt(first.body['access_token'] as string).jti,
        decodeJwt(second.body['access_token'] as string).jti,
      ]),
      reason: 'refresh_token_family_ended',
      family_id: familyId,
    });
    expect(rows[1].details).toEqual({ family_id: familyId });
  });

  it('records deny-listing by an operator (POST /blacklist) and by the client (RFC 7009 POST /revoke)', async () => {
    const listed = await clientCredentialsToken(server.url, service, 'other.read');
    const byOperator = nextRequestId();
    expect((await admin('POST', '/blacklist', byOperator, { token: listed })).status).toBe(200);

    const revoked = await clientCredentialsToken(server.url, service, 'other.read');
    const byClient = nextRequestId();
    const revocation = await postForm(
      `${server.url}/revoke`,
      { token: revoked },
      { authorization: basic(service.clientId, service.secret), 'x-request-id': byClient },
    );
    expect(revocation.status).toBe(200);

    expect((await rowsOf(byOperator)).map((row) => [row.type, row.client_id, row.details])).toEqual([
      [
        'token.deny_listed',
        null,
        { jti: [decodeJwt(listed).jti], reason: 'operator', operator: { client_id: 'operator', sub: 'operator' } },
      ],
    ]);
    expect((await rowsOf(byClient)).map((row) => [row.type, row.client_id, row.details])).toEqual([
      ['token.deny_listed', 'svc', { jti: [decodeJwt(revoked).jti], reason: 'revoked_by_client' }],
    ]);
  });

  it('records key rotation and revocation by an operator, and rotation on schedule', async () => {
    const rotate = nextRequestId();
    const rotation = await admin('POST', '/rotate-key', rotate);
    expect(rotation.status).toBe(200);
    const revoke = nextRequestId();
    expect((await admin('POST', `/revoke-key/${rotation.body['previous_kid'] as string}`, revoke)).status).toBe(200);

    const operator = { client_id: 'operator', sub: 'operator' };
    expect((await rowsOf(rotate)).map((row) => [row.type, row.details])).toEqual([
      [
        'signing_key.rotated',
        { kid: rotation.body['kid'], previous_kid: rotation.body['previous_kid'], trigger: 'operator', operator },
      ],
    ]);
    expect((await rowsOf(revoke)).map((row) => [row.type, row.details])).toEqual([
      ['signing_key.revoked', { kid: rotation.body['previous_kid'], previous_status: 'retired', operator }],
    ]);

    // The schedule: the active key is past its interval, so a next key is published, then activated.
    await server.dataSource.query(
      `UPDATE signing_keys SET activates_at = now() - interval '31 days' WHERE status = 'active'`,
    );
    const lifecycle = server.app.get(KeyLifecycle);
    await lifecycle.applySchedule(true);
    await server.dataSource.query(`UPDATE signing_keys SET activates_at = now() WHERE status = 'next'`);
    await lifecycle.applySchedule(true);
    await server.app.get(AuditLog).flush();
    const scheduled: AuditRow[] = await server.dataSource.query(
      `SELECT * FROM audit_event WHERE type = 'signing_key.rotated' AND details->>'trigger' = 'schedule'`,
    );
    expect(scheduled).toEqual([
      expect.objectContaining({
        request_id: null,
        source_address: null,
        details: { kid: expect.any(String), previous_kid: rotation.body['kid'], trigger: 'schedule' },
      }),
    ]);
  });

  it('records clients created, updated, given a new secret and deleted, without the secret', async () => {
    const create = nextRequestId();
    const created = await admin('POST', '/clients', create, {
      client_name: 'Billing',
      grant_types: ['client_credentials'],
      scope: 'other.read',
    });
    expect(created.status).toBe(201);
    const clientId = created.body['client_id'] as string;
    const update = nextRequestId();
    await admin('PUT', `/clients/${clientId}`, update, { grant_types: ['client_credentials'], scope: 'other.write' });
    const rotate = nextRequestId();
    const rotated = await admin('POST', `/clients/${clientId}/rotate-secret`, rotate);
    const remove = nextRequestId();
    expect((await admin('DELETE', `/clients/${clientId}`, remove)).status).toBe(204);

    const rows = [
      ...(await rowsOf(create)),
      ...(await rowsOf(update)),
      ...(await rowsOf(rotate)),
      ...(await rowsOf(remove)),
    ];
    const operator = { client_id: 'operator', sub: 'operator' };
    expect(rows.map((row) => [row.type, row.client_id, row.details])).toEqual([
      [
        'client.created',
        clientId,
        {
          token_endpoint_auth_method: 'client_secret_basic',
          grant_types: ['client_credentials'],
          scope: 'other.read',
          redirect_uris: [],
          operator,
        },
      ],
      [
        'client.updated',
        clientId,
        {
          token_endpoint_auth_method: 'client_secret_basic',
          grant_types: ['client_credentials'],
          scope: 'other.write',
          redirect_uris: [],
          operator,
        },
      ],
      [
        'client.secret_rotated',
        clientId,
        {
          previous_secret_expires_at: rotated.body['previous_client_secret_expires_at'],
          operator,
        },
      ],
      ['client.deleted', clientId, { operator }],
    ]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(created.body['client_secret']);
    expect(stored).not.toContain(rotated.body['client_secret']);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_event, and the purge job leaves it alone', async () => {
    await token({ grant_type: 'client_credentials', scope: 'other.read' }, nextRequestId());
    await server.app.get(AuditLog).flush();
    const count = async () => Number((await server.dataSource.query(`SELECT count(*) AS n FROM audit_event`))[0].n);
    const before = await count();
    expect(before).toBeGreaterThan(0);

    await expect(server.dataSource.query(`UPDATE audit_event SET outcome = 'failure'`)).rejects.toThrow(/append-only/);
    await expect(server.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(server.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    await server.app.get(ExpiredRowsPurger).purgeOnce();

    expect(await count()).toBe(before);
    expect(await server.dataSource.query(`SELECT DISTINCT outcome FROM audit_event ORDER BY outcome`)).toEqual([
      { outcome: 'failure' },
      { outcome: 'success' },
    ]);
  });

  it('answers the token request even when the audit write fails', async () => {
    await server.app.get(AuditLog).flush();
    await server.dataSource.query(`ALTER TABLE audit_event RENAME TO audit_event_away`);
    try {
      const requestId = nextRequestId();
      const issued = await token({ grant_type: 'client_credentials', scope: 'other.read' }, requestId);
      expect(issued.status).toBe(200);
      await server.app.get(AuditLog).flush();
    } finally {
      await server.dataSource.query(`ALTER TABLE audit_event_away RENAME TO audit_event`);
    }
  });
});
