import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { OWNER } from '../support/revocation-clients';

const auth = { authorization: basic(OWNER.clientId, OWNER.secret) };

async function start(env: Record<string, string> = {}) {
  const server = await startAuthServer([OWNER], env);
  const issue = async () =>
    (await postForm(`${server.url}/token`, { grant_type: 'client_credentials', scope: 'other.read' }, auth)).body;
  const refresh = (token: string) =>
    postForm(`${server.url}/token`, { grant_type: 'refresh_token', refresh_token: token }, auth);
  const isActive = async (token: string) =>
    (await postForm(`${server.url}/introspect`, { token }, auth)).body['active'] as boolean;
  return { server, issue, refresh, isActive };
}

describe('refresh-token families: lifetimes, reuse and grace (ADR 0006)', () => {
  let server: RunningAuthServer | undefined;
  afterEach(() => server?.close());

  it('on reuse, revokes the family and deny-lists its live access tokens', async () => {
    const s = await start();
    server = s.server;
    const first = await s.issue();
    const second = (await s.refresh(first['refresh_token'] as string)).body;
    const reused = await s.refresh(first['refresh_token'] as string);
    expect(reused.status).toBe(400);
    expect(reused.body['error']).toBe('invalid_grant');
    expect(await s.isActive(first['access_token'] as string)).toBe(false);
    expect(await s.isActive(second['access_token'] as string)).toBe(false);
    expect((await s.refresh(second['refresh_token'] as string)).status).toBe(400);
  });

  it('never lets a rotation outlive the absolute lifetime of the family', async () => {
    const s = await start({ REFRESH_TOKEN_ABSOLUTE_TTL: '120', REFRESH_TOKEN_TTL: '3600' });
    server = s.server;
    const first = await s.issue();
    const rows: { expires_at: Date; family_expires_at: Date }[] = await s.server.dataSource.query(
      'SELECT expires_at, family_expires_at FROM refresh_tokens',
    );
    expect(rows[0].expires_at.getTime()).toBe(rows[0].family_expires_at.getTime());
    // The family ends in 1 s, whatever the idle lifetime says.
    await s.server.dataSource.query(`UPDATE refresh_tokens SET family_expires_at = now() + interval '1 second'`);
    const rotated = await s.refresh(first['refresh_token'] as string);
    expect(rotated.status).toBe(200);
    const [child]: { expires_at: Date; family_expires_at: Date }[] = await s.server.dataSource.query(
      'SELECT expires_at, family_expires_at FROM refresh_tokens WHERE rotated_at IS NULL',
    );
    expect(child.expires_at.getTime()).toBe(child.family_expires_at.getTime());
  });

  it('treats a retried refresh as theft when the grace window is off (the default)', async () => {
    const s = await start();
    server = s.server;
    const first = await s.issue();
    expect((await s.refresh(first['refresh_token'] as string)).status).toBe(200);
    expect((await s.refresh(first['refresh_token'] as string)).status).toBe(400);
  });

  it('within REFRESH_TOKEN_REUSE_GRACE, answers a retry with a fresh pair and revokes the lost child', async () => {
    const s = await start({ REFRESH_TOKEN_REUSE_GRACE: '30' });
    server = s.server;
    const first = await s.issue();
    const lost = (await s.refresh(first['refresh_token'] as string)).body;
    const retried = await s.refresh(first['refresh_token'] as string);
    expect(retried.status).toBe(200);
    expect(retried.body['refresh_token']).not.toBe(lost['refresh_token']);
    expect(await s.isActive(lost['refresh_token'] as string)).toBe(false);
    // The family lives on through the new child.
    expect((await s.refresh(retried.body['refresh_token'] as string)).status).toBe(200);
  });

  it('within the grace window, still revokes the family when the child was already used', async () => {
    const s = await start({ REFRESH_TOKEN_REUSE_GRACE: '30' });
    server = s.server;
    const first = await s.issue();
    const child = (await s.refresh(first['refresh_token'] as string)).body;
    const grandchild = (await s.refresh(child['refresh_token'] as string)).body;
    const replayed = await s.refresh(first['refresh_token'] as string);
    expect(replayed.status).toBe(400);
    expect(replayed.body['error']).toBe('invalid_grant');
    expect(await s.isActive(grandchild['refresh_token'] as string)).toBe(false);
  });
});
