import request from 'supertest';
import { issueAccessToken } from '../support/access-tokens';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';
import { createSigningKey, type TestSigningKey } from '../support/signing-keys';
import { waitPastCooldown } from '../support/sleep';

const UNKNOWN_KEY =
  'Bearer realm="other", error="invalid_token", error_description="The access token is signed with an unknown key"';

describe('signing keys from the JWKS (cached, re-fetched on an unknown kid)', () => {
  let current: TestSigningKey;
  let next: TestSigningKey;
  let stranger: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    [current, next, stranger] = await Promise.all([
      createSigningKey('RS256', 'key-1'),
      createSigningKey('EdDSA', 'key-2'),
      createSigningKey('ES256', 'stranger'),
    ]);
    jwks = await startFakeJwksServer([current.publicJwk]);
    api = await startResourceApi(jwks.url, { JWKS_REFETCH_COOLDOWN: '1' });
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  const getUser = async (key: TestSigningKey) =>
    request(api.url)
      .get('/user')
      .set('authorization', `Bearer ${await issueAccessToken(key)}`);

  // The steps build on each other: one app instance, one cache, in order.
  it('fetches the key set on first use and then serves from its cache', async () => {
    expect((await getUser(current)).status).toBe(200);
    expect((await getUser(current)).status).toBe(200);
    expect(jwks.fetchCount).toBe(1);
  });

  it('rejects an unknown kid without re-fetching while the cooldown runs', async () => {
    const response = await getUser(stranger);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(UNKNOWN_KEY);
    expect(jwks.fetchCount).toBe(1);
  });

  it('re-fetches for an unknown kid after the cooldown, and still rejects a key nobody published', async () => {
    await waitPastCooldown();
    const response = await getUser(stranger);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(UNKNOWN_KEY);
    expect(jwks.fetchCount).toBe(2);
  });

  it('accepts a token signed with a newly published key without a restart', async () => {
    jwks.publish([current.publicJwk, next.publicJwk]);
    await waitPastCooldown();
    const response = await getUser(next);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      clientId: 'client',
      permissions: 'read,write',
    });
    expect(jwks.fetchCount).toBe(3);
  });

  it('keeps accepting the previous key from the refreshed set without another fetch', async () => {
    expect((await getUser(current)).status).toBe(200);
    expect((await getUser(next)).status).toBe(200);
    expect(jwks.fetchCount).toBe(3);
  });
});

describe('when the key set cannot be fetched', () => {
  let key: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    key = await createSigningKey('RS256', 'key-1');
    jwks = await startFakeJwksServer([key.publicJwk]);
    api = await startResourceApi(jwks.url.replace('/.well-known/jwks.json', '/missing'));
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  it('refuses the token with 401 invalid_token, never a 5xx: no key is known to verify it', async () => {
    const response = await request(api.url)
      .get('/user')
      .set('authorization', `Bearer ${await issueAccessToken(key)}`);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: 'invalid_token',
      error_description: 'The access token is signed with an unknown key',
    });
  });
});

describe('when the auth server goes down after its keys were fetched', () => {
  let key: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    key = await createSigningKey('RS256', 'key-1');
    jwks = await startFakeJwksServer([key.publicJwk]);
    // The cache goes stale after a second; a failed fetch is not retried for an hour.
    api = await startResourceApi(jwks.url, { JWKS_CACHE_MAX_AGE: '1', JWKS_REFETCH_COOLDOWN: '3600' });
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  const status = async (token: string) =>
    (await request(api.url).get('/user').set('authorization', `Bearer ${token}`)).status;

  it('keeps validating tokens of keys it holds, refuses unknown kids with 401, and fetches at most once per cooldown', async () => {
    expect(await status(await issueAccessToken(key))).toBe(200);
    jwks.failFromNowOn();
    await waitPastCooldown();
    const fetchesBefore = jwks.fetchCount;

    // The cache is stale and the auth server answers 503: the key held still verifies.
    expect(await status(await issueAccessToken(key))).toBe(200);

    const unknown = await createSigningKey('RS256', 'never-published');
    const flood = await Promise.all(Array.from({ length: 20 }, async () => status(await issueAccessToken(unknown))));
    expect(flood).toEqual(Array.from({ length: 20 }, () => 401));
    expect(await status(await issueAccessToken(key))).toBe(200);
    // One failed fetch for the stale cache; the flood and the later requests wait out the cooldown.
    expect(jwks.fetchCount - fetchesBefore).toBe(1);
  });
});
