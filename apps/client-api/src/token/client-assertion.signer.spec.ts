import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { ClientApiConfig } from '@oauth/config';
import { FakeHttpServer, formOf } from '../../test/support/fake-http-server';
import { testConfig } from '../../test/support/test-config';
import { ClientCredentialsSource } from '../credentials/client-credentials.source';
import { TokenEndpointClient } from './token-endpoint.client';
import { TokenProvider } from './token-provider';

const ISSUER = 'https://auth.example.test';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

describe('private_key_jwt token requests (RFC 7523 §2.2)', () => {
  let auth: FakeHttpServer;
  let config: ClientApiConfig;
  let verifyKeys: ReturnType<typeof createLocalJWKSet>;

  beforeEach(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    verifyKeys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] });
    let issued = 0;
    auth = await FakeHttpServer.start(() => {
      issued += 1;
      return { status: 200, body: { access_token: `at-${issued}`, token_type: 'Bearer', expires_in: 300 } };
    });
    config = testConfig({
      AUTH_SERVER_URL: auth.url,
      ISSUER,
      CLIENT_SECRET: undefined,
      NODE_ENV: 'production',
      CLIENT_AUTH_METHOD: 'private_key_jwt',
      CLIENT_PRIVATE_KEY: JSON.stringify({ ...(await exportJWK(privateKey)), kid: 'k1', alg: 'ES256' }),
    });
  });

  afterEach(() => auth.close());

  const provider = () => {
    let now = 1_700_000_000_000;
    const tokens = new TokenProvider(
      config,
      new TokenEndpointClient(config, new ClientCredentialsSource(config)),
      () => now,
    );
    return { tokens, advance: (ms: number) => (now += ms) };
  };

  it('sends a signed assertion instead of a secret, with the issuer as its single aud', async () => {
    await expect(provider().tokens.accessTokenFor('other')).resolves.toBe('at-1');

    const [request] = auth.requests;
    expect(request.headers.authorization).toBeUndefined();
    const form = formOf(request);
    expect(form).toEqual({
      grant_type: 'client_credentials',
      scope: 'other.read other.write',
      client_assertion_type: JWT_BEARER,
      client_assertion: expect.any(String),
    });
    const { payload } = await jwtVerify(form.client_assertion, verifyKeys, {
      issuer: 'client',
      subject: 'client',
      audience: ISSUER,
      algorithms: ['ES256'],
    });
    expect(payload.aud).toBe(ISSUER);
    expect(payload.exp).toBe((payload.iat as number) + 60);
    expect(payload.jti).toEqual(expect.any(String));
    expect(decodeProtectedHeader(form.client_assertion)).toEqual({
      alg: 'ES256',
      kid: 'k1',
      typ: 'client-authentication+jwt',
    });
  });

  it('signs a fresh assertion, with a new jti, for every token request', async () => {
    const { tokens, advance } = provider();
    await tokens.accessTokenFor('other');
    advance(300_000);
    await tokens.accessTokenFor('other');

    const assertions = auth.requests.map((request) => formOf(request).client_assertion);
    expect(assertions).toHaveLength(2);
    expect(assertions[0]).not.toBe(assertions[1]);
    const jtis = await Promise.all(
      assertions.map(async (assertion) => (await jwtVerify(assertion, verifyKeys)).payload.jti),
    );
    expect(jtis[0]).not.toBe(jtis[1]);
  });
});
