import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { signAccessToken, type SigningAlgorithm } from './access-token';

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
});
