import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { RegisteredClaimCollisionError, signAccessToken, type SigningAlgorithm } from './access-token';

const claims = {
  issuer: 'http://localhost:5001',
  subject: 'client',
  clientId: 'client',
  audience: 'other',
  scope: 'other.read other.write',
  lifetimeSeconds: 900,
};

describe('signAccessToken', () => {
  it.each<SigningAlgorithm>(['RS256', 'ES256', 'EdDSA'])('signs an RFC 9068 access token with %s', async (alg) => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const signed = await signAccessToken(claims, { kid: 'k1', alg, key: privateKey }, 1_700_000_000);

    expect(decodeProtectedHeader(signed.token)).toEqual({ alg, kid: 'k1', typ: 'at+jwt' });
    const verificationKey = await importJWK(await exportJWK(publicKey), alg);
    const { payload } = await jwtVerify(signed.token, verificationKey, {
      currentDate: new Date(1_700_000_100_000),
      typ: 'at+jwt',
    });
    expect(payload).toEqual({
      iss: 'http://localhost:5001',
      sub: 'client',
      client_id: 'client',
      aud: 'other',
      scope: 'other.read other.write',
      iat: 1_700_000_000,
      exp: 1_700_000_900,
      jti: signed.jti,
    });
    expect(signed.expiresAt).toBe(1_700_000_900);
  });

  it('signs with the jti and issue time its caller chose', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const signed = await signAccessToken(claims, { kid: 'k1', alg: 'ES256', key: privateKey }, 1_700_000_000, 'j-1');
    expect(signed).toMatchObject({ jti: 'j-1', issuedAt: 1_700_000_000, expiresAt: 1_700_000_900 });
    expect(decodeJwt(signed.token)).toMatchObject({ jti: 'j-1', iat: 1_700_000_000 });
  });

  it('signs many tokens at once with one key, each verifiable', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const key = { kid: 'k1', alg: 'RS256' as const, key: privateKey };
    const signed = await Promise.all(Array.from({ length: 20 }, () => signAccessToken(claims, key)));
    const verified = await Promise.all(signed.map(({ token }) => jwtVerify(token, publicKey, { typ: 'at+jwt' })));
    expect(verified.map(({ payload }) => payload.jti)).toEqual(signed.map(({ jti }) => jti));
  });

  it('gives every token its own jti', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const key = { kid: 'k1', alg: 'ES256' as const, key: privateKey };
    const [a, b] = await Promise.all([signAccessToken(claims, key), signAccessToken(claims, key)]);
    expect(a.jti).not.toBe(b.jti);
  });

  it('adds additional claims beside the registered ones', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const signed = await signAccessToken(
      { ...claims, additionalClaims: { tenant: 'acme', roles: ['reader'] } },
      { kid: 'k1', alg: 'ES256', key: privateKey },
    );
    const { payload } = await jwtVerify(signed.token, publicKey, { typ: 'at+jwt' });
    expect(payload).toMatchObject({
      tenant: 'acme',
      roles: ['reader'],
      sub: 'client',
      scope: 'other.read other.write',
    });
  });

  // RFC 9068 §2.2: resource servers rely on these claims; an additional claim must never replace one.
  it.each(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'client_id', 'scope', 'auth_time', 'cnf', 'typ'])(
    'refuses to sign when an additional claim is named %s',
    async (name) => {
      const { privateKey } = await generateKeyPair('ES256');
      const signing = signAccessToken(
        { ...claims, additionalClaims: { tenant: 'acme', [name]: 'forged' } },
        { kid: 'k1', alg: 'ES256', key: privateKey },
      );
      await expect(signing).rejects.toThrow(RegisteredClaimCollisionError);
      await expect(signing).rejects.toMatchObject({ claims: [name] });
    },
  );
});
