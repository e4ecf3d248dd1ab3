import { randomUUID } from 'node:crypto';
import { base64url, SignJWT } from 'jose';
import request from 'supertest';
import { AUDIENCE, CLIENT_ID, ISSUER, issueAccessToken } from '../support/access-tokens';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';
import { createSigningKey, type TestSigningKey } from '../support/signing-keys';

const challenge = (description: string) =>
  `Bearer realm="other", error="invalid_token", error_description="${description}"`;

describe('access token validation (RFC 6750, RFC 9068 §4)', () => {
  let key: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    key = await createSigningKey('RS256', 'rsa-1');
    jwks = await startFakeJwksServer([key.publicJwk]);
    api = await startResourceApi(jwks.url);
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  const getUser = (authorization?: string) => {
    const call = request(api.url).get('/user');
    return authorization === undefined ? call : call.set('authorization', authorization);
  };

  async function expectInvalidToken(token: string, description: string): Promise<void> {
    const response = await getUser(`Bearer ${token}`);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(challenge(description));
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({
      error: 'invalid_token',
      error_description: description,
    });
  }

  /** The claims of a good token, with overrides; an override of `undefined` drops the claim. */
  const claims = (overrides: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
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
  };

  /** A token built claim by claim, for the shapes signAccessToken refuses to make. */
  const customToken = (overrides: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT(claims(overrides))
      .setProtectedHeader({
        alg: 'RS256',
        kid: key.signingKey.kid,
        typ: 'at+jwt',
        ...header,
      })
      .sign(key.signingKey.key);

  it('answers a request without a token with a challenge without error code (RFC 6750 §3.1)', async () => {
    const response = await getUser();
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="other"');
    expect(response.body).toEqual({
      error: 'invalid_token',
      error_description: 'A bearer token is required',
    });
  });

  it('treats another authentication scheme as no token', async () => {
    const response = await getUser('Basic Y2xpZW50OnNlY3JldA==');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="other"');
  });

  it.each(['Bearer', 'Bearer two tokens'])(
    'answers the malformed header %j with 400 invalid_request',
    async (header) => {
      const response = await getUser(header);
      expect(response.status).toBe(400);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="other", error="invalid_request", error_description="The Authorization header is not a valid Bearer credential"',
      );
      expect(response.body).toEqual({
        error: 'invalid_request',
        error_description: 'The Authorization header is not a valid Bearer credential',
      });
    },
  );

  it('answers a token sent in the header and the query with 400 invalid_request', async () => {
    const token = await issueAccessToken(key);
    const response = await request(api.url)
      .get('/user')
      .query({ access_token: token })
      .set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'invalid_request',
      error_description: 'The access token was sent in more than one way',
    });
  });

  it('rejects a token in the query alone (OAuth 2.1 removed that method)', async () => {
    const token = await issueAccessToken(key);
    const response = await request(api.url).get('/user').query({ access_token: token });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_request');
  });

  it('rejects a garbage token', async () => {
    await expectInvalidToken('not-a.jwt', 'The access token is malformed');
  });

  it('rejects an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectInvalidToken(
      await issueAccessToken(key, { lifetimeSeconds: 300 }, now - 3600),
      'The access token has expired',
    );
  });

  it('rejects a token for another audience', async () => {
    await expectInvalidToken(
      await issueAccessToken(key, { audience: 'server' }),
      'The access token is not intended for this resource server',
    );
  });

  it('rejects a token from another issuer', async () => {
    await expectInvalidToken(
      await issueAccessToken(key, { issuer: 'http://evil.example' }),
      'The access token was issued by an unexpected issuer',
    );
  });

  it('rejects a plain JWT (typ JWT), e.g. an ID token', async () => {
    await expectInvalidToken(
      await customToken({}, { typ: 'JWT' }),
      'The token is not a JWT access token (typ must be at+jwt)',
    );
  });

  it('rejects an unsigned token (alg none)', async () => {
    const encode = (part: object) => base64url.encode(JSON.stringify(part));
    const unsigned = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims({ scope: 'other.write' }))}.`;
    // An unsigned JWS has an empty signature segment: refused by the strict shape check before any key lookup.
    await expectInvalidToken(unsigned, 'The access token is malformed');
  });

  it('rejects a token signed with a shared secret (HS256)', async () => {
    const token = await new SignJWT(claims({ scope: 'other.write' }))
      .setProtectedHeader({
        alg: 'HS256',
        kid: key.signingKey.kid,
        typ: 'at+jwt',
      })
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes!'));
    await expectInvalidToken(token, 'The access token is signed with an unsupported algorithm');
  });

  it('rejects a token whose signature does not match the key its kid names', async () => {
    const impostor = await createSigningKey('RS256', key.signingKey.kid);
    await expectInvalidToken(await issueAccessToken(impostor), 'The access token signature is invalid');
  });

  it('rejects a tampered token', async () => {
    const [header, , signature] = (await issueAccessToken(key, { scope: 'other.read' })).split('.');
    const forged = base64url.encode(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, scope: 'other.admin' }));
    await expectInvalidToken(`${header}.${forged}.${signature}`, 'The access token signature is invalid');
  });

  it.each(['exp', 'iat', 'jti', 'sub', 'client_id', 'scope'])('rejects a token without the %s claim', async (claim) => {
    await expectInvalidToken(await customToken({ [claim]: undefined }), `The access token lacks the ${claim} claim`);
  });

  it('rejects a token whose client_id is not a string', async () => {
    await expectInvalidToken(await customToken({ client_id: 42 }), 'The access token has a malformed claim');
  });

  it('accepts the claims it demands when they are all there', async () => {
    const response = await getUser(`Bearer ${await customToken({})}`);
    expect(response.status).toBe(200);
  });

  it('rejects a token whose scope claim breaks RFC 6749 §3.3', async () => {
    await expectInvalidToken(
      await customToken({ scope: 'other.read  other.write' }),
      'The access token has a malformed scope claim',
    );
  });
});

describe('a token verified before (ADR 0005)', () => {
  let key: TestSigningKey;
  let jwks: FakeJwksServer;
  let api: RunningResourceApi;

  beforeAll(async () => {
    key = await createSigningKey('ES256', 'ec-1');
    jwks = await startFakeJwksServer([key.publicJwk]);
    api = await startResourceApi(jwks.url, { CLOCK_SKEW: '0' });
  });

  afterAll(async () => {
    await api?.stop();
    await jwks?.close();
  });

  it('is refused once it expires, though its verification was remembered (RFC 7519 §4.1.4)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await issueAccessToken(key, { lifetimeSeconds: 2 }, now);
    const user = () => request(api.url).get('/user').set('authorization', `Bearer ${token}`);
    expect((await user()).status).toBe(200);
    expect((await user()).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, (now + 2) * 1000 - Date.now() + 50));
    const refused = await user();
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: 'invalid_token', error_description: 'The access token has expired' });
  });

  it('with the remembered verification turned off, is verified in full each time', async () => {
    const uncached = await startResourceApi(jwks.url, { VERIFIED_TOKEN_CACHE_SIZE: '0' });
    try {
      const token = await issueAccessToken(key);
      const responses = await Promise.all(
        [1, 2, 3].map(() => request(uncached.url).get('/user').set('authorization', `Bearer ${token}`)),
      );
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    } finally {
      await uncached.stop();
    }
  });
});
