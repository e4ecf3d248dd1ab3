import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import { basic, postForm, startAuthServer, type TestClient } from '../support/auth-server.fixture';

const client: TestClient = {
  clientId: 'svc',
  secret: 'svc-secret',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

async function issueAndVerify(url: string, issuer: string) {
  const response = await postForm(
    `${url}/token`,
    { grant_type: 'client_credentials', scope: 'other.read' },
    { authorization: basic('svc', 'svc-secret') },
  );
  expect(response.status).toBe(200);
  const token = response.body['access_token'] as string;
  const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
  await jwtVerify(token, createLocalJWKSet(jwks), { issuer, audience: 'other', typ: 'at+jwt' });
  return { header: decodeProtectedHeader(token), jwks };
}

describe('signing keys', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('auth_keys');
  });
  afterEach(() => database.drop());

  it.each([
    ['ES256', { kty: 'EC', crv: 'P-256' }],
    ['EdDSA', { kty: 'OKP', crv: 'Ed25519' }],
  ])('signs with %s when configured', async (alg, keyShape) => {
    const server = await startAuthServer([client], { SIGNING_ALG: alg }, database);
    try {
      const { header, jwks } = await issueAndVerify(server.url, server.config.issuer);
      expect(header).toEqual({ alg, kid: jwks.keys[0].kid, typ: 'at+jwt' });
      expect(jwks.keys[0]).toMatchObject({ ...keyShape, alg, use: 'sig' });
    } finally {
      await server.stop();
    }
  });

  it('stores the private key encrypted, never in clear', async () => {
    const server = await startAuthServer([client], {}, database);
    try {
      const rows: { encrypted_private_jwk: string; public_jwk: Record<string, unknown> }[] =
        await server.dataSource.query('SELECT encrypted_private_jwk, public_jwk FROM signing_keys');
      expect(rows).toHaveLength(1);
      expect(rows[0].public_jwk['d']).toBeUndefined();
      // A compact JWE (RFC 7516 §7.1): five base64url parts, no JSON of the key itself.
      expect(rows[0].encrypted_private_jwk.split('.')).toHaveLength(5);
      expect(rows[0].encrypted_private_jwk).not.toContain('"d"');
    } finally {
      await server.stop();
    }
  });

  it('keeps its key across restarts, and retires it when the algorithm changes', async () => {
    const first = await startAuthServer([client], {}, database);
    const before = await issueAndVerify(first.url, first.config.issuer);
    await first.stop();

    const restarted = await startAuthServer([client], {}, database);
    const after = await issueAndVerify(restarted.url, restarted.config.issuer);
    await restarted.stop();
    expect(after.header.kid).toBe(before.header.kid);

    const switched = await startAuthServer([client], { SIGNING_ALG: 'ES256' }, database);
    try {
      const es = await issueAndVerify(switched.url, switched.config.issuer);
      expect(es.header.alg).toBe('ES256');
      // The retired RSA key stays published so tokens it signed keep validating.
      expect(es.jwks.keys.map((key) => key.kid).sort()).toEqual([before.header.kid, es.header.kid].sort());
    } finally {
      await switched.stop();
    }
  });

  it('refuses to start with a different key-encryption key than the one that sealed its keys', async () => {
    const first = await startAuthServer([client], {}, database);
    await first.stop();
    await expect(
      startAuthServer([client], { KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64url') }, database),
    ).rejects.toThrow('KEY_ENCRYPTION_KEY differs from the key that encrypted it');
  });
});
