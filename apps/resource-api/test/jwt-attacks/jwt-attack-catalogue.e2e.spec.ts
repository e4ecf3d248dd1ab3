import { createPublicKey, randomUUID, webcrypto } from 'node:crypto';
import { startRequestTrap, type RequestTrap } from '@oauth/testing';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import request from 'supertest';
import { AUDIENCE, CLIENT_ID, ISSUER } from '../support/access-tokens';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';
import { createSigningKey, type TestSigningKey } from '../support/signing-keys';

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

/** The JWT attack catalogue (RFC 8725 §2, §3): every token here must be refused with 401 invalid_token. */
describe('JWT attack catalogue at the resource API', () => {
  let rsa: TestSigningKey;
  let ec: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;
  let trap: RequestTrap;

  beforeAll(async () => {
    rsa = await createSigningKey('RS256', 'rsa-1');
    ec = await createSigningKey('ES256', 'ec-1');
    jwks = await startFakeJwksServer([rsa.publicJwk, ec.publicJwk]);
    trap = await startRequestTrap();
    api = await startResourceApi(jwks.url);
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
    await trap?.close();
  });

  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const all: Record<string, unknown> = {
      iss: ISSUER,
      sub: CLIENT_ID,
      client_id: CLIENT_ID,
      aud: AUDIENCE,
      scope: 'other.read',
      iat: now,
      exp: now + 300,
      jti: randomUUID(),
      ...overrides,
    };
    for (const [name, value] of Object.entries(all)) if (value === undefined) delete all[name];
    return all;
  };

  const signed = (overrides: Record<string, unknown> = {}, header: Record<string, unknown> = {}, key = rsa) =>
    new SignJWT(claims(overrides))
      .setProtectedHeader({ alg: key.signingKey.alg, kid: key.signingKey.kid, typ: 'at+jwt', ...header })
      .sign(key.signingKey.key);

  /** Signs header and payload text exactly as given, for shapes jose refuses to produce. */
  async function signRaw(headerJson: string, payloadJson: string): Promise<string> {
    const signingInput = `${base64url.encode(headerJson)}.${base64url.encode(payloadJson)}`;
    const signature = await webcrypto.subtle.sign(
      { name: 'RSASSA-PKCS1-v1_5' },
      rsa.signingKey.key as webcrypto.CryptoKey,
      new TextEncoder().encode(signingInput),
    );
    return `${signingInput}.${base64url.encode(new Uint8Array(signature))}`;
  }

  async function expectRefused(token: string): Promise<void> {
    const response = await request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="other", error="invalid_token"/);
  }

  it('accepts the well-formed token every case below breaks', async () => {
    const response = await request(api.url)
      .get('/user')
      .set('authorization', `Bearer ${await signed()}`);
    expect(response.status).toBe(200);
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])('refuses alg %s (unsigned)', async (alg) => {
    const token = `${encodeJson({ alg, typ: 'at+jwt', kid: 'rsa-1' })}.${encodeJson(claims())}.`;
    await expectRefused(token);
  });

  it.each([
    [
      'the PEM of the public key',
      () => createPublicKey({ key: rsa.publicJwk as never, format: 'jwk' }).export({ type: 'spki', format: 'pem' }),
    ],
    ['the modulus of the public key', () => Buffer.from(rsa.publicJwk.n as string, 'base64url')],
    ['the JWK of the public key', () => Buffer.from(JSON.stringify(rsa.publicJwk))],
  ])('refuses HS256 signed with %s as the secret (algorithm confusion)', async (_case, secret) => {
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1', typ: 'at+jwt' })
      .sign(new Uint8Array(Buffer.from(secret() as string | Buffer)));
    await expectRefused(token);
  });

  describe('kid values that try to reach something', () => {
    it.each([
      ['path traversal', '../../../../etc/passwd'],
      ['SQL text', "' OR '1'='1'; DROP TABLE items; --"],
      ['a very long kid', 'k'.repeat(8_000)],
      ['a URL', 'http://127.0.0.1:1/keys'],
    ])('refuses %s, fetching the JWKS at most once for all of them', async (_case, kid) => {
      await expectRefused(await signed({}, { kid }));
    });

    it('made at most one JWKS re-fetch for the whole burst of unknown kids (cooldown)', async () => {
      const before = jwks.fetchCount;
      await Promise.all(Array.from({ length: 20 }, async () => expectRefused(await signed({}, { kid: randomUUID() }))));
      expect(jwks.fetchCount - before).toBeLessThanOrEqual(1);
    });

    it('still has its tables after the SQL-text kid', async () => {
      const response = await request(api.url).get('/items');
      expect(response.status).toBe(200);
    });
  });

  describe('headers that point at other keys (no outbound fetch may happen)', () => {
    let attacker: { privateKey: CryptoKey; jwk: Record<string, unknown> };

    beforeAll(async () => {
      const pair = await generateKeyPair('RS256', { extractable: true });
      attacker = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'attacker' } };
    });

    const attackerToken = (header: Record<string, unknown>) =>
      new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', ...header }).sign(attacker.privateKey);

    it.each([
      ['jku', () => ({ kid: 'attacker', jku: `${trap.url}/jwks.json` })],
      ['x5u', () => ({ kid: 'attacker', x5u: `${trap.url}/cert.pem` })],
      ['jwk (embedded attacker key)', () => ({ kid: 'attacker', jwk: attacker.jwk })],
      [
        'x5c (embedded attacker certificate chain)',
        () => ({ kid: 'attacker', x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] }),
      ],
      ['jku with the kid of a real key', () => ({ kid: 'rsa-1', jku: `${trap.url}/jwks.json` })],
    ])('refuses a token whose %s header points elsewhere', async (_case, header) => {
      await expectRefused(await attackerToken(header()));
      expect(trap.hits()).toBe(0);
    });
  });

  describe('time claims', () => {
    const now = () => Math.floor(Date.now() / 1000);

    it('refuses an expired token', async () => {
      await expectRefused(await signed({ iat: now() - 3_600, exp: now() - 600 }));
    });

    it('refuses a token that is not valid yet (nbf beyond the skew)', async () => {
      await expectRefused(await signed({ nbf: now() + 600 }));
    });

    it('refuses a token without exp', async () => {
      await expectRefused(await signed({ exp: undefined }));
    });

    it('refuses a token with a non-numeric exp', async () => {
      await expectRefused(await signed({ exp: 'tomorrow' }));
    });
  });

  describe('type confusion (RFC 9068 §4, RFC 8725 §3.11)', () => {
    it('refuses an ID-token-like JWT (typ JWT)', async () => {
      await expectRefused(await signed({}, { typ: 'JWT' }));
    });

    it('refuses a token without typ', async () => {
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
        .sign(rsa.signingKey.key);
      await expectRefused(token);
    });

    it('refuses a client assertion replayed as an access token', async () => {
      const assertion = await new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' })
        .setIssuer(CLIENT_ID)
        .setSubject(CLIENT_ID)
        .setAudience(ISSUER)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(rsa.signingKey.key);
      await expectRefused(assertion);
    });
  });

  describe('audience and issuer', () => {
    it.each([
      ['another audience', { aud: 'server' }],
      ['an audience array without this API', { aud: ['server', 'billing'] }],
      ['no audience', { aud: undefined }],
      ['another issuer', { iss: 'http://evil.example' }],
      ['the issuer with a trailing slash', { iss: `${ISSUER}/` }],
      ['no issuer', { iss: undefined }],
    ])('refuses %s', async (_case, overrides) => {
      await expectRefused(await signed(overrides));
    });
  });

  describe('keys and algorithms that do not fit', () => {
    it('refuses an ES256 header pointing at the RSA key', async () => {
      const token = await signed({}, { alg: 'ES256', kid: 'rsa-1' }, ec);
      await expectRefused(token);
    });

    it('refuses an RS256 header pointing at the EC key', async () => {
      const token = await signed({}, { alg: 'RS256', kid: 'ec-1' }, rsa);
      await expectRefused(token);
    });

    it('refuses PS256, which the auth server never uses', async () => {
      const pair = await generateKeyPair('PS256');
      const token = await new SignJWT(claims())
        .setProtectedHeader({ alg: 'PS256', kid: 'rsa-1', typ: 'at+jwt' })
        .sign(pair.privateKey);
      await expectRefused(token);
    });
  });

  it.each([
    ['a custom parameter', { crit: ['x-policy'], 'x-policy': 'strict' }],
    ['a claim name listed as critical', { crit: ['exp'], exp: 1 }],
  ])('refuses an unknown critical header: %s (RFC 7515 §4.1.11)', async (_case, extra) => {
    const header = JSON.stringify({ alg: 'RS256', kid: 'rsa-1', typ: 'at+jwt', ...extra });
    await expectRefused(await signRaw(header, JSON.stringify(claims())));
  });

  it('accepts the output of the raw signer when nothing is wrong, so the cases above fail for their flaw', async () => {
    const token = await signRaw(
      JSON.stringify({ alg: 'RS256', kid: 'rsa-1', typ: 'at+jwt' }),
      JSON.stringify(claims()),
    );
    expect((await request(api.url).get('/user').set('authorization', `Bearer ${token}`)).status).toBe(200);
  });

  describe('malformed compact serialisation', () => {
    it.each([
      ['two parts', async () => (await signed()).split('.').slice(0, 2).join('.')],
      ['four parts', async () => `${await signed()}.extra`],
      ['an empty signature', async () => `${(await signed()).split('.').slice(0, 2).join('.')}.`],
      ['a header that is not JSON', async () => `${base64url.encode('not json')}.${encodeJson(claims())}.c2ln`],
      [
        'a payload that is not JSON',
        async () => `${encodeJson({ alg: 'RS256', kid: 'rsa-1', typ: 'at+jwt' })}.${base64url.encode('[1,2')}.c2ln`,
      ],
      [
        'a payload that is a JSON array',
        async () => `${encodeJson({ alg: 'RS256', kid: 'rsa-1', typ: 'at+jwt' })}.${encodeJson([1, 2])}.c2ln`,
      ],
      ['standard base64 padding', async () => (await signed()).replace(/\.([^.]+)$/, '.$1==')],
    ])('refuses %s', async (_case, build) => {
      await expectRefused(await build());
    });
  });

  describe('duplicate members (RFC 7519 §4, RFC 7515 §5.2)', () => {
    it('refuses a payload that names aud twice', async () => {
      const good = JSON.stringify(claims({ aud: 'server' }));
      const payload = good.replace('"aud":"server"', '"aud":"server","aud":"other"');
      await expectRefused(await signRaw(JSON.stringify({ alg: 'RS256', kid: 'rsa-1', typ: 'at+jwt' }), payload));
    });

    it('refuses a header that names alg twice', async () => {
      const header = '{"alg":"none","alg":"RS256","kid":"rsa-1","typ":"at+jwt"}';
      await expectRefused(await signRaw(header, JSON.stringify(claims())));
    });
  });
});
