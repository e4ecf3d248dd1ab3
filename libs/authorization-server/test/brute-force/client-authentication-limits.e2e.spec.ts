import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';
import { clientAssertion, clientKey, jwksOf, JWT_BEARER, type ClientKey } from '../support/client-keys';

const ISSUER = 'https://auth.example.test';
const GRANT = { grant_type: 'client_credentials', scope: 'other.read' };
const MAX_PER_CLIENT = 3;
const MAX_PER_ADDRESS = 6;
const BLOCK_SECONDS = 120;

/** Limits small enough to reach in a test; the proxy on 127.0.0.1 lets each test speak from its own addresses. */
const LIMITS = {
  BRUTE_FORCE_MAX_PER_CLIENT: String(MAX_PER_CLIENT),
  BRUTE_FORCE_MAX_PER_ADDRESS: String(MAX_PER_ADDRESS),
  BRUTE_FORCE_BLOCK: String(BLOCK_SECONDS),
};

const secretClient = (clientId: string): TestClient => ({
  clientId,
  secret: `${clientId}-secret`,
  grantTypes: ['client_credentials'],
  scope: 'other.read',
});

type Answer = Awaited<ReturnType<typeof postForm>>;

/** RFC 6585 §4: 429 with Retry-After; the body is an RFC 6749 §5.2 error, `slow_down` (docs/adr/0013). */
function expectSlowDown(response: Answer): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({ error: 'slow_down', error_description: expect.any(String) });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(BLOCK_SECONDS);
  expect(response.headers.get('cache-control')).toBe('no-store');
}

function expectInvalidClient(response: Answer): void {
  expect(response.status).toBe(401);
  expect(response.body['error']).toBe('invalid_client');
  expect(response.headers.get('retry-after')).toBeNull();
}

describe('failed client authentication limits (docs/adr/0013)', () => {
  let server: RunningAuthServer;
  let jwtKey: ClientKey;

  const clients = ['victim', 'bystander', 'busy', 'fresh', 'revoker', 'sprayed-1', 'expiring'].map(secretClient);

  beforeAll(async () => {
    jwtKey = await clientKey('ES256', 'jwt-1');
    server = await startAuthServer(
      [
        ...clients,
        {
          clientId: 'jwt-client',
          tokenEndpointAuthMethod: 'private_key_jwt',
          jwks: jwksOf(jwtKey),
          grantTypes: ['client_credentials'],
          scope: 'other.read',
        },
      ],
      { ISSUER, ...LIMITS, TRUSTED_PROXIES: '127.0.0.1' },
    );
  });
  afterAll(() => server.close());

  /** A token request with Basic credentials, from `address` (through the trusted proxy on 127.0.0.1). */
  const token = (
    clientId: string,
    secret: string,
    address: string,
    path = '/token',
    form: Record<string, string> = GRANT,
  ) => postForm(`${server.url}${path}`, form, { authorization: basic(clientId, secret), 'x-forwarded-for': address });

  const counter = async (key: string) =>
    (await server.dataSource.query(
      `SELECT failures, coalesce(blocked_until > now(), false) AS blocked FROM failed_authentication_counters WHERE key = $1`,
      [key],
    )) as { failures: number; blocked: boolean }[];

  it(`answers ${MAX_PER_CLIENT} wrong secrets for one client_id with 401, then 429 slow_down with Retry-After, even to the right secret`, async () => {
    for (let attempt = 1; attempt <= MAX_PER_CLIENT; attempt++) {
      expectInvalidClient(await token('victim', `guess-${attempt}`, '203.0.113.1'));
    }
    expectSlowDown(await token('victim', 'guess-4', '203.0.113.1'));
    // From another address too: the limit is on the client_id (a guess must not get through anywhere).
    expectSlowDown(await token('victim', 'victim-secret', '198.51.100.1'));
    expect(await counter('client:victim')).toEqual([{ failures: MAX_PER_CLIENT, blocked: true }]);
  });

  it('leaves every other client alone, from the same address', async () => {
    expect((await token('bystander', 'bystander-secret', '203.0.113.1')).status).toBe(200);
  });

  it('never counts successes: a busy healthy client is never limited', async () => {
    for (let request = 0; request < 3 * MAX_PER_ADDRESS; request++) {
      expect((await token('busy', 'busy-secret', '203.0.113.2')).status).toBe(200);
    }
    expect(await counter('client:busy')).toEqual([]);
    expect(await counter('address:203.0.113.2')).toEqual([]);
  });

  it(`blocks an address that sprays guesses across ${MAX_PER_ADDRESS} client_ids, and only that address`, async () => {
    const sprayer = '192.0.2.66';
    for (let id = 1; id <= MAX_PER_ADDRESS; id++) {
      expectInvalidClient(await token(id === 1 ? 'sprayed-1' : `no-such-client-${id}`, 'guess', sprayer));
    }
    // No client_id reached its own limit; the address did.
    expect(await counter('client:sprayed-1')).toEqual([{ failures: 1, blocked: false }]);
    expect(await counter(`address:${sprayer}`)).toEqual([{ failures: MAX_PER_ADDRESS, blocked: true }]);
    expectSlowDown(await token('fresh', 'fresh-secret', sprayer));
    expectSlowDown(await token('no-such-client-99', 'guess', sprayer));
    // Another address, and the clients the sprayer named, are not blocked.
    expect((await token('fresh', 'fresh-secret', '192.0.2.67')).status).toBe(200);
    expect((await token('sprayed-1', 'sprayed-1-secret', '192.0.2.67')).status).toBe(200);
  });

  it('counts an IPv6 /64 as one address', async () => {
    for (let host = 1; host <= MAX_PER_ADDRESS; host++) {
      expectInvalidClient(await token(`v6-guess-${host}`, 'guess', `2001:db8:1:2::${host.toString(16)}`));
    }
    expectSlowDown(await token('v6-guess-99', 'guess', '2001:db8:1:2:ffff::1'));
    expectInvalidClient(await token('v6-guess-99', 'guess', '2001:db8:1:3::1'));
  });

  it('shares one count across /token, /revoke and /introspect', async () => {
    const address = '203.0.113.3';
    expectInvalidClient(await token('revoker', 'guess-1', address, '/revoke', { token: 'x' }));
    expectInvalidClient(await token('revoker', 'guess-2', address, '/introspect', { token: 'x' }));
    expectInvalidClient(await token('revoker', 'guess-3', address));
    expectSlowDown(await token('revoker', 'revoker-secret', address, '/revoke', { token: 'x' }));
    expectSlowDown(await token('revoker', 'revoker-secret', address, '/introspect', { token: 'x' }));
  });

  it('applies a blocked client_id to client_secret_post as well', async () => {
    const post = (secret: string) =>
      postForm(
        `${server.url}/token`,
        { ...GRANT, client_id: 'victim', client_secret: secret },
        { 'x-forwarded-for': '203.0.113.4' },
      );
    expectSlowDown(await post('victim-secret'));
  });

  it('lets the client in again once the block is over', async () => {
    const address = '203.0.113.5';
    for (let attempt = 1; attempt <= MAX_PER_CLIENT; attempt++) {
      expectInvalidClient(await token('expiring', `guess-${attempt}`, address));
    }
    expectSlowDown(await token('expiring', 'expiring-secret', address));
    // The block ends (instead of waiting BLOCK_SECONDS, move it into the past).
    await server.dataSource.query(
      `UPDATE failed_authentication_counters SET blocked_until = now() - interval '1 second'
        WHERE key IN ('client:expiring', $1)`,
      [`address:${address}`],
    );
    expect((await token('expiring', 'expiring-secret', address)).status).toBe(200);
    // A new window starts: one more failure does not block again.
    expectInvalidClient(await token('expiring', 'guess-again', address));
    expect(await counter('client:expiring')).toEqual([{ failures: 1, blocked: false }]);
  });

  describe('private_key_jwt', () => {
    const withAssertion = (assertion: string, address: string) =>
      postForm(
        `${server.url}/token`,
        { ...GRANT, client_assertion_type: JWT_BEARER, client_assertion: assertion },
        { 'x-forwarded-for': address },
      );

    it('counts failed assertions and answers 429 once blocked, but a valid assertion (no guess) still passes', async () => {
      const address = '203.0.113.6';
      const stranger = await clientKey('ES256', 'jwt-1');
      for (let attempt = 1; attempt <= MAX_PER_CLIENT; attempt++) {
        expectInvalidClient(await withAssertion(await clientAssertion(stranger, 'jwt-client', ISSUER), address));
      }
      expectSlowDown(await withAssertion(await clientAssertion(stranger, 'jwt-client', ISSUER), address));
      expect((await withAssertion(await clientAssertion(jwtKey, 'jwt-client', ISSUER), '203.0.113.7')).status).toBe(
        200,
      );
    });
  });
});

describe('the source address behind proxies (Fastify trustProxy, TRUSTED_PROXIES)', () => {
  const guessesFrom = async (server: RunningAuthServer, count: number, addresses: (attempt: number) => string) => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= count; attempt++) {
      const response = await postForm(`${server.url}/token`, GRANT, {
        authorization: basic(`nobody-${attempt}`, 'guess'),
        'x-forwarded-for': addresses(attempt),
      });
      statuses.push(response.status);
    }
    return statuses;
  };

  it.each([
    ['no proxy is trusted', {}],
    ['another proxy is trusted', { TRUSTED_PROXIES: '10.0.0.1' }],
  ])('ignores X-Forwarded-For when %s: every guess counts against the peer address', async (_case, env) => {
    const server = await startAuthServer([], { ...LIMITS, ...env });
    try {
      const statuses = await guessesFrom(server, MAX_PER_ADDRESS + 1, (attempt) => `198.51.100.${attempt}`);
      expect(statuses).toEqual([...Array<number>(MAX_PER_ADDRESS).fill(401), 429]);
      const rows = await server.dataSource.query(
        `SELECT key FROM failed_authentication_counters WHERE key LIKE 'address:%'`,
      );
      expect(rows).toEqual([{ key: 'address:127.0.0.1' }]);
    } finally {
      await server.close();
    }
  });

  it('believes X-Forwarded-For from a trusted proxy: guesses from many callers are counted per caller', async () => {
    const server = await startAuthServer([], { ...LIMITS, TRUSTED_PROXIES: '127.0.0.0/8' });
    try {
      const statuses = await guessesFrom(server, MAX_PER_ADDRESS + 1, (attempt) => `198.51.100.${attempt}`);
      expect(statuses).toEqual(Array<number>(MAX_PER_ADDRESS + 1).fill(401));
      // The client's address is the last one the trusted proxy added; what the caller wrote before it is not believed.
      const spoofed = await guessesFrom(server, 2, () => '192.0.2.1, 198.51.100.200');
      expect(spoofed).toEqual([401, 401]);
      const rows: { key: string }[] = await server.dataSource.query(
        `SELECT key FROM failed_authentication_counters WHERE key = ANY($1::text[])`,
        [['address:192.0.2.1', 'address:198.51.100.200']],
      );
      expect(rows).toEqual([{ key: 'address:198.51.100.200' }]);
    } finally {
      await server.close();
    }
  });
});

describe('failed client authentication limits across instances', () => {
  let database: TestDatabase;
  let first: RunningAuthServer;
  let second: RunningAuthServer;
  const shared = secretClient('shared');

  beforeAll(async () => {
    database = await createTestDatabase('brute_force');
    first = await startAuthServer([shared], LIMITS, database);
    second = await startAuthServer([shared], LIMITS, database);
  });
  afterAll(async () => {
    await second.stop();
    await first.close();
  });

  const guess = (server: RunningAuthServer, secret: string) =>
    postForm(`${server.url}/token`, GRANT, { authorization: basic('shared', secret) });

  it('counts failures at every instance in one Postgres counter, and blocks at every instance', async () => {
    expectInvalidClient(await guess(first, 'guess-1'));
    expectInvalidClient(await guess(second, 'guess-2'));
    expectInvalidClient(await guess(first, 'guess-3'));
    expectSlowDown(await guess(second, shared.secret));
    expectSlowDown(await guess(first, shared.secret));
  });
});
