import { createPublicKey, randomUUID, webcrypto, type JsonWebKey } from 'node:crypto';
import { startRequestTrap, type RequestTrap } from '@oauth/testing';
import { base64url, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import {
  clientAssertion,
  clientKey,
  FakeClientJwksServer,
  jwksOf,
  JWT_BEARER,
  type ClientKey,
} from '../support/client-keys';

const ISSUER = 'https://auth.example.test';
const GRANT = { grant_type: 'client_credentials', scope: 'other.read' };

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));

/**
 * The JWT attack catalogue (RFC 8725 §2, §3) at the private_key_jwt verifier (RFC 7523 §3): each assertion below must
 * be answered 401 invalid_client at the token endpoint, with the same body whatever check failed. The cases the main
 * private_key_jwt spec already covers (lower-case `none`, HS256 with the PEM, expired, nbf, missing exp, aud, iss/sub,
 * `typ: at+jwt`) are not repeated here.
 */
describe('JWT attack catalogue at the private_key_jwt verifier', () => {
  let server: RunningAuthServer;
  let jwksServer: FakeClientJwksServer;
  let trap: RequestTrap;
  let ecKey: ClientKey;
  let rsaKey: ClientKey;
  let remoteKey: ClientKey;

  beforeAll(async () => {
    [ecKey, rsaKey, remoteKey] = await Promise.all([
      clientKey('ES256', 'es-1'),
      clientKey('RS256', 'rsa-1'),
      clientKey('ES256', 'remote-1'),
    ]);
    jwksServer = await FakeClientJwksServer.start(jwksOf(remoteKey));
    trap = await startRequestTrap();
    const keyClient = (clientId: string, keys: Record<string, unknown>) => ({
      clientId,
      tokenEndpointAuthMethod: 'private_key_jwt' as const,
      grantTypes: ['client_credentials'],
      scope: 'other.read',
      ...keys,
    });
    server = await startAuthServer(
      [
        keyClient('ec-client', { jwks: jwksOf(ecKey) }),
        keyClient('rsa-client', { jwks: jwksOf(rsaKey) }),
        keyClient('remote-client', { jwksUri: jwksServer.url }),
      ],
      {
        ISSUER,
        CLIENT_JWKS_REFETCH_COOLDOWN: '3600',
        // Every case fails on purpose, well past the failed-authentication limits (ADR 0013), which are not tested here.
        BRUTE_FORCE_MAX_PER_CLIENT: '1000000',
        BRUTE_FORCE_MAX_PER_ADDRESS: '1000000',
      },
    );
  });
  afterAll(async () => {
    await server?.close();
    await jwksServer?.close();
    await trap?.close();
  });

  const token = (assertion: string, extra: Record<string, string> = {}) =>
    postForm(`${server.url}/token`, {
      ...GRANT,
      client_assertion_type: JWT_BEARER,
      client_assertion: assertion,
      ...extra,
    });

  async function expectInvalidClient(assertion: string, extra: Record<string, string> = {}): Promise<void> {
    const response = await token(assertion, extra);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  }

  const claims = (clientId = 'ec-client', overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    const all: Record<string, unknown> = {
      iss: clientId,
      sub: clientId,
      aud: ISSUER,
      jti: randomUUID(),
      iat: now,
      exp: now + 60,
      ...overrides,
    };
    for (const [name, value] of Object.entries(all)) if (value === undefined) delete all[name];
    return all;
  };

  /** Signs header and payload text exactly as given with the EC key, for shapes jose refuses to produce. */
  async function signRaw(headerJson: string, payloadJson: string, key: CryptoKey = ecKey.privateKey): Promise<string> {
    const signingInput = `${base64url.encode(headerJson)}.${base64url.encode(payloadJson)}`;
    const signature = await webcrypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      key as webcrypto.CryptoKey,
      new TextEncoder().encode(signingInput),
    );
    return `${signingInput}.${base64url.encode(new Uint8Array(signature))}`;
  }

  const ecHeader = (extra: Record<string, unknown> = {}) => JSON.stringify({ alg: 'ES256', kid: 'es-1', ...extra });

  it('accepts the well-formed assertions every case below breaks, from jose and from the raw signer', async () => {
    expect((await token(await clientAssertion(ecKey, 'ec-client', ISSUER))).status).toBe(200);
    expect((await token(await clientAssertion(rsaKey, 'rsa-client', ISSUER))).status).toBe(200);
    expect((await token(await clientAssertion(remoteKey, 'remote-client', ISSUER))).status).toBe(200);
    expect((await token(await signRaw(ecHeader(), JSON.stringify(claims())))).status).toBe(200);
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])('refuses alg %s (unsigned), with and without client_id', async (alg) => {
    const unsigned = `${encodeJson({ alg, kid: 'es-1' })}.${encodeJson(claims())}.`;
    await expectInvalidClient(unsigned);
    await expectInvalidClient(unsigned, { client_id: 'ec-client' });
  });

  describe('HMAC signed with the client’s public key as the secret (algorithm confusion)', () => {
    const pemOf = (key: ClientKey) =>
      createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });

    it.each([
      ['HS256', 'the PEM of the RSA key', 'rsa-client', () => pemOf(rsaKey)],
      ['HS512', 'the PEM of the RSA key', 'rsa-client', () => pemOf(rsaKey)],
      ['HS256', 'the JWK of the RSA key', 'rsa-client', () => JSON.stringify(rsaKey.publicJwk)],
      [
        'HS256',
        'the modulus of the RSA key',
        'rsa-client',
        () => Buffer.from(rsaKey.publicJwk.n as string, 'base64url'),
      ],
      ['HS256', 'the PEM of the EC key', 'ec-client', () => pemOf(ecKey)],
      ['HS256', 'the JWK of the EC key', 'ec-client', () => JSON.stringify(ecKey.publicJwk)],
    ])('refuses %s with %s', async (alg, _secret, clientId, secret) => {
      const kid = clientId === 'rsa-client' ? 'rsa-1' : 'es-1';
      const assertion = await new SignJWT(claims(clientId))
        .setProtectedHeader({ alg, kid })
        .sign(new Uint8Array(Buffer.from(secret() as string | Buffer)));
      await expectInvalidClient(assertion);
    });
  });

  describe('kid values that try to reach something', () => {
    it.each([
      ['path traversal', '../../../../etc/passwd'],
      ['SQL text', "' OR '1'='1'; DROP TABLE oauth_clients; --"],
      ['a very long kid', 'k'.repeat(8_000)],
      ['a URL', `http://127.0.0.1:1/keys`],
      ['a NUL byte', 'es-1\u0000'],
    ])('refuses %s, signed with the client’s own key', async (_case, kid) => {
      await expectInvalidClient(await clientAssertion(ecKey, 'ec-client', ISSUER, { header: { kid } }));
    });

    it('refuses hostile kids at a jwks_uri client with at most one key fetch for all of them (cooldown)', async () => {
      const before = jwksServer.fetches;
      for (const kid of ['../../etc/passwd', "' OR 1=1 --", 'k'.repeat(8_000), randomUUID()]) {
        await expectInvalidClient(await clientAssertion(remoteKey, 'remote-client', ISSUER, { header: { kid } }));
      }
      expect(jwksServer.fetches - before).toBeLessThanOrEqual(1);
    });

    it('still has its client registry after the SQL-text kid', async () => {
      expect((await token(await clientAssertion(ecKey, 'ec-client', ISSUER))).status).toBe(200);
    });
  });

  describe('headers that point at other keys (no outbound fetch may happen)', () => {
    let attacker: { privateKey: CryptoKey; jwk: Record<string, unknown> };

    beforeAll(async () => {
      const pair = await generateKeyPair('ES256', { extractable: true });
      attacker = { privateKey: pair.privateKey, jwk: { ...(await exportJWK(pair.publicKey)), kid: 'attacker' } };
    });

    const attackerAssertion = (clientId: string, header: Record<string, unknown>) =>
      new SignJWT(claims(clientId)).setProtectedHeader({ alg: 'ES256', ...header }).sign(attacker.privateKey);

    it.each([
      ['jku', () => ({ kid: 'attacker', jku: `${trap.url}/jwks.json` })],
      ['jku with the kid of the client’s key', () => ({ kid: 'es-1', jku: `${trap.url}/jwks.json` })],
      ['x5u', () => ({ kid: 'attacker', x5u: `${trap.url}/cert.pem` })],
      ['jwk (the attacker’s key embedded)', () => ({ kid: 'attacker', jwk: attacker.jwk })],
      ['jwk with the kid of the client’s key', () => ({ kid: 'es-1', jwk: { ...attacker.jwk, kid: 'es-1' } })],
      [
        'x5c (a certificate chain embedded)',
        () => ({ kid: 'attacker', x5c: ['MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'] }),
      ],
    ])('refuses an assertion whose %s header points elsewhere', async (_case, header) => {
      await expectInvalidClient(await attackerAssertion('ec-client', header()));
      await expectInvalidClient(await attackerAssertion('remote-client', { ...header(), kid: 'remote-1' }));
      expect(trap.hits()).toBe(0);
    });
  });

  describe('claims', () => {
    it.each([
      ['aud is the issuer with a trailing slash', { aud: `${ISSUER}/` }],
      ['aud is the issuer in another case', { aud: ISSUER.toUpperCase() }],
      ['aud is empty', { aud: '' }],
      ['iss is missing', { iss: undefined }],
      ['sub is missing', { sub: undefined }],
      ['iss and sub are the client_id with a trailing space', { iss: 'ec-client ', sub: 'ec-client ' }],
      ['exp is not a number', { exp: 'tomorrow' }],
    ])('refuses an assertion where %s', async (_case, overrides) => {
      await expectInvalidClient(await clientAssertion(ecKey, 'ec-client', ISSUER, { claims: overrides }));
    });

    it.each(['dpop+jwt', 'logout+jwt', 'id_token+jwt', 'application/at+jwt', 'JOSE'])(
      'refuses typ %s, which is not a client assertion (RFC 8725 §3.11)',
      async (typ) => {
        await expectInvalidClient(await clientAssertion(ecKey, 'ec-client', ISSUER, { header: { typ } }));
      },
    );
  });

  describe('keys and algorithms that do not fit', () => {
    it('refuses an ES256 header naming the RSA client’s RSA key', async () => {
      const ecForRsa = { ...ecKey, kid: 'rsa-1' };
      await expectInvalidClient(await clientAssertion(ecForRsa, 'rsa-client', ISSUER));
    });

    it('refuses an RS256 header naming the EC client’s EC key', async () => {
      const rsaForEc = { ...rsaKey, kid: 'es-1' };
      await expectInvalidClient(await clientAssertion(rsaForEc, 'ec-client', ISSUER));
    });

    it('refuses ES384 with a P-256 key', async () => {
      const header = JSON.stringify({ alg: 'ES384', kid: 'es-1' });
      await expectInvalidClient(await signRaw(header, JSON.stringify(claims())));
    });
  });

  it.each([
    ['a custom parameter', { crit: ['x-policy'], 'x-policy': 'strict' }],
    ['a claim name listed as critical', { crit: ['exp'], exp: 1 }],
    ['an empty list', { crit: [] }],
  ])('refuses an unknown critical header: %s (RFC 7515 §4.1.11)', async (_case, extra) => {
    await expectInvalidClient(await signRaw(ecHeader(extra), JSON.stringify(claims())));
  });

  describe('malformed compact serialisation', () => {
    const good = () => clientAssertion(ecKey, 'ec-client', ISSUER);

    it.each([
      ['two parts', async () => (await good()).split('.').slice(0, 2).join('.')],
      ['four parts', async () => `${await good()}.extra`],
      ['five parts (a JWE shape)', async () => `${await good()}.a.b`],
      ['an empty signature', async () => `${(await good()).split('.').slice(0, 2).join('.')}.`],
      ['standard base64 padding', async () => (await good()).replace(/\.([^.]+)$/, '.$1==')],
      ['surrounding whitespace', async () => ` ${await good()} `],
      ['a header that is not JSON', async () => `${base64url.encode('not json')}.${encodeJson(claims())}.c2ln`],
      [
        'a payload that is not JSON',
        async () => `${encodeJson({ alg: 'ES256', kid: 'es-1' })}.${base64url.encode('[1,2')}.c2ln`,
      ],
      [
        'a payload that is a JSON array',
        async () => `${encodeJson({ alg: 'ES256', kid: 'es-1' })}.${encodeJson([1])}.c2ln`,
      ],
      [
        'a payload that is a JSON string',
        async () => `${encodeJson({ alg: 'ES256', kid: 'es-1' })}.${encodeJson('x')}.c2ln`,
      ],
      ['only dots', async () => '..'],
    ])('refuses %s', async (_case, build) => {
      await expectInvalidClient(await build(), { client_id: 'ec-client' });
    });
  });

  describe('duplicate members (RFC 7519 §4, RFC 7515 §5.2)', () => {
    it('refuses a payload that names aud twice, the last one this issuer', async () => {
      const payload = JSON.stringify(claims('ec-client', { aud: 'https://other.example.test' })).replace(
        '"aud":"https://other.example.test"',
        `"aud":"https://other.example.test","aud":"${ISSUER}"`,
      );
      await expectInvalidClient(await signRaw(ecHeader(), payload));
    });

    it('refuses a payload that names sub twice', async () => {
      const payload = JSON.stringify(claims()).replace('"sub":"ec-client"', '"sub":"rsa-client","sub":"ec-client"');
      await expectInvalidClient(await signRaw(ecHeader(), payload));
    });

    it('refuses a header that names alg twice', async () => {
      await expectInvalidClient(await signRaw('{"alg":"none","alg":"ES256","kid":"es-1"}', JSON.stringify(claims())));
    });
  });
});
