import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, UnsecuredJWT, decodeJwt, exportJWK, importJWK } from 'jose';
import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
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

describe('private_key_jwt client authentication (RFC 7523 §2.2, OIDC Core §9)', () => {
  let server: RunningAuthServer;
  let tokenUrl: string;
  let jwksServer: FakeClientJwksServer;
  let esKey: ClientKey;
  let rsaKey: ClientKey;
  let otherKey: ClientKey;
  let remoteKey: ClientKey;

  const client = (clientId: string, keys: Record<string, unknown>) => ({
    clientId,
    tokenEndpointAuthMethod: 'private_key_jwt' as const,
    grantTypes: ['client_credentials'],
    scope: 'other.read',
    ...keys,
  });

  beforeAll(async () => {
    [esKey, rsaKey, otherKey, remoteKey] = await Promise.all([
      clientKey('ES256', 'es-1'),
      clientKey('PS256', 'rsa-1'),
      clientKey('ES256', 'other-1'),
      clientKey('EdDSA', 'remote-1'),
    ]);
    jwksServer = await FakeClientJwksServer.start(jwksOf(remoteKey));
    server = await startAuthServer(
      [
        client('jwt-client', { jwks: jwksOf(esKey) }),
        // Registered for PS256 only: its RSA key must not sign RS256 assertions for it.
        client('rsa-client', { jwks: jwksOf(rsaKey), signingAlg: 'PS256' }),
        client('other-client', { jwks: jwksOf(otherKey) }),
        client('remote-client', { jwksUri: jwksServer.url }),
        {
          clientId: 'secret-client',
          secret: 'secret-client-secret',
          grantTypes: ['client_credentials'],
          scope: 'other.read',
        },
      ],
      // A long cooldown, so "no re-fetch within the cooldown" holds however slow the machine is.
      { ISSUER, CLIENT_JWKS_REFETCH_COOLDOWN: '3600' },
    );
    tokenUrl = `${server.url}/token`;
  });
  afterAll(async () => {
    await server.close();
    await jwksServer.close();
  });

  const withAssertion = (assertion: string, extra: Record<string, string> = {}) =>
    postForm(tokenUrl, { ...GRANT, client_assertion_type: JWT_BEARER, client_assertion: assertion, ...extra });

  const expectInvalidClient = (response: { status: number; headers: Headers; body: Record<string, unknown> }) => {
    expect(response.status).toBe(401);
    // Nothing that tells an attacker which check failed.
    expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('www-authenticate')).toBeNull();
  };

  describe('accepts', () => {
    it('an assertion signed with the registered key, with the issuer as aud, and issues a token to the client', async () => {
      const response = await withAssertion(await clientAssertion(esKey, 'jwt-client', ISSUER));
      expect(response.status).toBe(200);
      expect(decodeJwt(response.body['access_token'] as string)).toMatchObject({ sub: 'jwt-client', aud: 'other' });
    });

    it('a matching client_id parameter and the rfc7523bis typ', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER, {
        header: { typ: 'client-authentication+jwt' },
      });
      expect((await withAssertion(assertion, { client_id: 'jwt-client' })).status).toBe(200);
    });

    it('the algorithm the client registered (PS256)', async () => {
      expect((await withAssertion(await clientAssertion(rsaKey, 'rsa-client', ISSUER))).status).toBe(200);
    });

    it('a key fetched from the client jwks_uri (EdDSA)', async () => {
      expect((await withAssertion(await clientAssertion(remoteKey, 'remote-client', ISSUER))).status).toBe(200);
      expect(jwksServer.fetches).toBe(1);
    });

    it('records the jti, with an expiry, in the replay store', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER, { claims: { jti: 'recorded-jti' } });
      expect((await withAssertion(assertion)).status).toBe(200);
      const rows: { client_id: string; expires_at: Date }[] = await server.dataSource.query(
        `SELECT client_id, expires_at FROM client_assertion_jtis WHERE jti = 'recorded-jti'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].client_id).toBe('jwt-client');
      expect(rows[0].expires_at.getTime()).toBeGreaterThan(Date.now());
    });
  });

  describe('answers 401 invalid_client to an assertion that breaks one rule', () => {
    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['aud is the token endpoint URL (opt-in only)', { aud: `${ISSUER}/token` }],
      ['aud is an array holding the issuer', { aud: [ISSUER] }],
      ['aud is another server', { aud: 'https://other.example.test' }],
      ['aud is missing', { aud: undefined }],
      ['iss differs from sub', { iss: 'other-client' }],
      ['iss and sub name another client', { iss: 'other-client', sub: 'other-client' }],
      ['it has expired', { iat: now() - 600, exp: now() - 300 }],
      ['exp is far in the future', { exp: now() + 3600 }],
      ['exp is missing', { exp: undefined }],
      ['nbf is in the future', { nbf: now() + 600 }],
      ['iat is in the future', { iat: now() + 600 }],
      ['jti is missing', { jti: undefined }],
      ['jti is not a string', { jti: 42 }],
    ])('%s', async (_rule, claims) => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER, { claims });
      expectInvalidClient(await withAssertion(assertion, { client_id: 'jwt-client' }));
    });

    it('its jti was used before: the same assertion twice fails the second time', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER);
      expect((await withAssertion(assertion)).status).toBe(200);
      expectInvalidClient(await withAssertion(assertion));
    });

    it('a new assertion reuses an earlier jti', async () => {
      const first = await clientAssertion(esKey, 'jwt-client', ISSUER, { claims: { jti: 'used-once' } });
      expect((await withAssertion(first)).status).toBe(200);
      const second = await clientAssertion(esKey, 'jwt-client', ISSUER, {
        claims: { jti: 'used-once', exp: now() + 90 },
      });
      expectInvalidClient(await withAssertion(second));
    });

    it('alg is none', async () => {
      const now = Math.floor(Date.now() / 1000);
      const assertion = new UnsecuredJWT({ iss: 'jwt-client', sub: 'jwt-client', aud: ISSUER, jti: 'none-1' })
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .encode();
      expectInvalidClient(await withAssertion(assertion));
    });

    it('HS256 signed with the registered public key as the HMAC secret', async () => {
      const pem = createPublicKey({ key: rsaKey.publicJwk as JsonWebKey, format: 'jwk' }).export({
        type: 'spki',
        format: 'pem',
      });
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ iss: 'rsa-client', sub: 'rsa-client', aud: ISSUER, jti: 'hs-1' })
        .setProtectedHeader({ alg: 'HS256', kid: rsaKey.kid })
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode(pem as string));
      expectInvalidClient(await withAssertion(assertion));
    });

    it('its alg is not the one the client registered (RS256 with a PS256 client key)', async () => {
      const rs256Key = {
        ...rsaKey,
        alg: 'RS256',
        privateKey: await importJWK(await exportJWK(rsaKey.privateKey), 'RS256'),
      };
      expectInvalidClient(await withAssertion(await clientAssertion(rs256Key as ClientKey, 'rsa-client', ISSUER)));
    });

    it('its kid is unknown', async () => {
      const stranger = await clientKey('ES256', 'unknown-kid');
      expectInvalidClient(await withAssertion(await clientAssertion(stranger, 'jwt-client', ISSUER)));
    });

    it('it is signed with the key of another client, under that key’s kid', async () => {
      expectInvalidClient(await withAssertion(await clientAssertion(otherKey, 'jwt-client', ISSUER)));
    });

    it('it is signed with the key of another client, under the client’s own kid', async () => {
      const forged = { ...otherKey, kid: esKey.kid };
      expectInvalidClient(await withAssertion(await clientAssertion(forged, 'jwt-client', ISSUER)));
    });

    it('its typ is that of an access token', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER, { header: { typ: 'at+jwt' } });
      expectInvalidClient(await withAssertion(assertion));
    });

    it('client_id names another client than the assertion', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER);
      expectInvalidClient(await withAssertion(assertion, { client_id: 'other-client' }));
    });

    it('it is not a JWT', async () => {
      expectInvalidClient(await withAssertion('not.a.jwt', { client_id: 'jwt-client' }));
    });

    it('it names an unknown client', async () => {
      expectInvalidClient(await withAssertion(await clientAssertion(esKey, 'nobody', ISSUER)));
    });

    it('its kid is unknown at the jwks_uri: no re-fetch within the cooldown', async () => {
      await withAssertion(await clientAssertion(remoteKey, 'remote-client', ISSUER));
      const fetchesBefore = jwksServer.fetches;
      const stranger = await clientKey('EdDSA', 'remote-unknown');
      expectInvalidClient(await withAssertion(await clientAssertion(stranger, 'remote-client', ISSUER)));
      expectInvalidClient(await withAssertion(await clientAssertion(stranger, 'remote-client', ISSUER)));
      expect(jwksServer.fetches).toBe(fetchesBefore);
    });
  });

  describe('a client may use only the method it registered', () => {
    it('refuses an assertion from a client registered for client_secret_basic', async () => {
      const key = await clientKey('ES256', 'secret-client-key');
      expectInvalidClient(await withAssertion(await clientAssertion(key, 'secret-client', ISSUER)));
    });

    it('refuses Basic credentials from a private_key_jwt client', async () => {
      const response = await postForm(tokenUrl, GRANT, { authorization: basic('jwt-client', 'anything') });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    });
  });

  describe('answers 400 invalid_request to a malformed or mixed request', () => {
    const expectInvalidRequest = (response: { status: number; body: Record<string, unknown> }) => {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    };

    it('a Basic header and an assertion together (RFC 6749 §2.3)', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER);
      expectInvalidRequest(
        await postForm(
          tokenUrl,
          { ...GRANT, client_assertion_type: JWT_BEARER, client_assertion: assertion },
          { authorization: basic('jwt-client', 'x') },
        ),
      );
    });

    it('a client_secret and an assertion together', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER);
      expectInvalidRequest(await withAssertion(assertion, { client_id: 'jwt-client', client_secret: 'x' }));
    });

    it('another client_assertion_type (RFC 7521 §4.2)', async () => {
      const assertion = await clientAssertion(esKey, 'jwt-client', ISSUER);
      expectInvalidRequest(
        await postForm(tokenUrl, { ...GRANT, client_assertion_type: 'urn:example:saml', client_assertion: assertion }),
      );
    });

    it('a client_assertion_type without client_assertion', async () => {
      expectInvalidRequest(await postForm(tokenUrl, { ...GRANT, client_assertion_type: JWT_BEARER }));
    });
  });
});

describe('private_key_jwt with the token endpoint audience opted in and no re-fetch cooldown', () => {
  let server: RunningAuthServer;
  let jwksServer: FakeClientJwksServer;
  let key: ClientKey;

  beforeAll(async () => {
    key = await clientKey('ES256', 'first');
    jwksServer = await FakeClientJwksServer.start(jwksOf(key));
    server = await startAuthServer(
      [
        {
          clientId: 'remote-client',
          tokenEndpointAuthMethod: 'private_key_jwt',
          jwksUri: jwksServer.url,
          grantTypes: ['client_credentials'],
          scope: 'other.read',
        },
      ],
      { ISSUER, CLIENT_ASSERTION_ACCEPT_TOKEN_ENDPOINT_AUDIENCE: 'true', CLIENT_JWKS_REFETCH_COOLDOWN: '0' },
    );
  });
  afterAll(async () => {
    await server.close();
    await jwksServer.close();
  });

  const token = (assertion: string) =>
    postForm(`${server.url}/token`, { ...GRANT, client_assertion_type: JWT_BEARER, client_assertion: assertion });

  it('accepts the token endpoint URL as aud, as older clients send it', async () => {
    expect((await token(await clientAssertion(key, 'remote-client', `${ISSUER}/token`))).status).toBe(200);
  });

  it('still refuses an aud array', async () => {
    const response = await token(await clientAssertion(key, 'remote-client', [`${ISSUER}/token`]));
    expect(response.status).toBe(401);
    expect(response.body['error']).toBe('invalid_client');
  });

  it('re-fetches the jwks_uri when an assertion names a kid it does not know yet (key rotation)', async () => {
    expect((await token(await clientAssertion(key, 'remote-client', ISSUER))).status).toBe(200);
    const rotated = await clientKey('ES256', 'second');
    jwksServer.jwks = jwksOf(rotated);
    const fetchesBefore = jwksServer.fetches;
    expect((await token(await clientAssertion(rotated, 'remote-client', ISSUER))).status).toBe(200);
    expect(jwksServer.fetches).toBe(fetchesBefore + 1);
  });
});
