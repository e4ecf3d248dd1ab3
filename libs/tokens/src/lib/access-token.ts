import { randomUUID } from 'node:crypto';
import { SignJWT, type CryptoKey, type KeyObject } from 'jose';

/** The signing algorithms access tokens may use. */
export type SigningAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

/** RFC 9068 §2.1: the media type of a JWT access token, in its `typ` header. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** A private key ready to sign, imported once. */
export interface AccessTokenSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  key: CryptoKey | KeyObject;
}

/** What an access token says (RFC 9068 §2.2). */
export interface AccessTokenClaims {
  issuer: string;
  subject: string;
  clientId: string;
  audience: string;
  scope: string;
  lifetimeSeconds: number;
}

export interface SignedAccessToken {
  token: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

/** Signs an RFC 9068 JWT access token. `now` is seconds since the epoch. */
export async function signAccessToken(
  claims: AccessTokenClaims,
  signingKey: AccessTokenSigningKey,
  now = Math.floor(Date.now() / 1000),
): Promise<SignedAccessToken> {
  const jti = randomUUID();
  const expiresAt = now + claims.lifetimeSeconds;
  const token = await new SignJWT({ client_id: claims.clientId, scope: claims.scope })
    .setProtectedHeader({ alg: signingKey.alg, kid: signingKey.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(claims.issuer)
    .setSubject(claims.subject)
    .setAudience(claims.audience)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .setJti(jti)
    .sign(signingKey.key);
  return { token, jti, issuedAt: now, expiresAt };
}
