import type { AccessTokenSigningKey, SigningAlgorithm } from '@oauth/tokens';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/** A key pair as the auth server would hold it: the private half signs, the public half goes in the JWKS. */
export interface TestSigningKey {
  signingKey: AccessTokenSigningKey;
  publicJwk: JWK;
}

export async function createSigningKey(alg: SigningAlgorithm, kid: string): Promise<TestSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, {
    extractable: true,
  });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { signingKey: { kid, alg, key: privateKey }, publicJwk };
}
