import request from 'supertest';
import { issueAccessToken } from '../support/access-tokens';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';
import { createSigningKey, type TestSigningKey } from '../support/signing-keys';

describe('GET /user', () => {
  let rsa: TestSigningKey;
  let ec: TestSigningKey;
  let ed: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    [rsa, ec, ed] = await Promise.all([
      createSigningKey('RS256', 'rsa-1'),
      createSigningKey('ES256', 'ec-1'),
      createSigningKey('EdDSA', 'ed-1'),
    ]);
    jwks = await startFakeJwksServer([rsa.publicJwk, ec.publicJwk, ed.publicJwk]);
    api = await startResourceApi(jwks.url);
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  it('names the client and its permissions on this audience, comma-joined in token order', async () => {
    const token = await issueAccessToken(rsa, {
      subject: 'client',
      scope: 'other.write server.admin other.read',
    });
    const response = await request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      clientId: 'client',
      permissions: 'write,read',
    });
  });

  it('names the client by client_id and the user it acts for by sub (RFC 9068 §2.2)', async () => {
    const token = await issueAccessToken(rsa, { subject: 'user-7', clientId: 'web', scope: 'other.read' });
    const response = await request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ clientId: 'web', userId: 'user-7', permissions: 'read' });
  });

  it('answers an empty permission list for a token without scopes on this audience', async () => {
    const token = await issueAccessToken(rsa, { scope: 'server.user' });
    const response = await request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ clientId: 'client', permissions: '' });
  });

  it.each([
    ['ES256', () => ec],
    ['EdDSA', () => ed],
  ])('accepts a %s token', async (_alg, key) => {
    const token = await issueAccessToken(key(), {
      subject: 'svc',
      clientId: 'svc',
      scope: 'other.read',
    });
    const response = await request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ clientId: 'svc', permissions: 'read' });
  });

  it('accepts a token expired by less than the allowed clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await issueAccessToken(rsa, { lifetimeSeconds: 300 }, now - 303);
    const response = await request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
  });

  it('fetched the key set once and served every token from the cache', () => {
    expect(jwks.fetchCount).toBe(1);
  });
});
