import { KeyObject, randomUUID, sign, type webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import type { CryptoKey } from 'jose';

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

/**
 * Claims an access token's meaning and checks rest on: the signer sets them or RFC 9068 §2.2 defines them, so an
 * additional claim may never carry one of these names. RFC 7519 §4.1 (iss, sub, aud, exp, nbf, iat, jti),
 * RFC 9068 §2.2 (client_id, scope, auth_time, acr, amr), RFC 7800 §3.1 (cnf: proof-of-possession binding),
 * RFC 8693 §4.1/§4.4 (act, may_act: delegation), and `typ`, which some verifiers read from the payload.
 */
export const REGISTERED_ACCESS_TOKEN_CLAIMS: readonly string[] = [
  'iss',
  'sub',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
  'client_id',
  'scope',
  'auth_time',
  'acr',
  'amr',
  'cnf',
  'act',
  'may_act',
  'typ',
];

/** Additional claims named a registered claim: the token is not signed. */
export class RegisteredClaimCollisionError extends Error {
  constructor(readonly claims: readonly string[]) {
    super(`Additional access token claims may not replace registered claims: ${claims.join(', ')}`);
    this.name = 'RegisteredClaimCollisionError';
  }
}

/** What an access token says (RFC 9068 §2.2). */
export interface AccessTokenClaims {
  issuer: string;
  subject: string;
  clientId: string;
  audience: string;
  scope: string;
  lifetimeSeconds: number;
  /** Claims added to the payload; none may be one of REGISTERED_ACCESS_TOKEN_CLAIMS. */
  additionalClaims?: Readonly<Record<string, unknown>>;
}

export interface SignedAccessToken {
  token: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

// sign() with a callback runs on the libuv thread pool: signing uses every core and never blocks the event loop.
// It also skips jose's generic JWT builder; the lib's spec verifies the result with jose.
const signAsync = promisify(sign);

/** Keys imported as WebCrypto CryptoKeys, converted once. */
const keyObjects = new WeakMap<object, KeyObject>();

function keyObjectOf(key: CryptoKey | KeyObject): KeyObject {
  if (key instanceof KeyObject) return key;
  let converted = keyObjects.get(key);
  if (!converted) {
    converted = KeyObject.from(key as unknown as webcrypto.CryptoKey);
    keyObjects.set(key, converted);
  }
  return converted;
}

/** RFC 7518 §3.1 / RFC 8037 §3.1: the digest and signature encoding of each algorithm. */
function signingInput(alg: SigningAlgorithm, key: KeyObject) {
  switch (alg) {
    case 'RS256':
      return { digest: 'sha256', key };
    // RFC 7518 §3.4: ECDSA signatures are R || S, not DER.
    case 'ES256':
      return { digest: 'sha256', key: { key, dsaEncoding: 'ieee-p1363' as const } };
    case 'EdDSA':
      return { digest: null, key };
  }
}

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

/**
 * Signs an RFC 9068 JWT access token (a compact JWS, RFC 7515 §7.1). `now` is seconds since the epoch.
 * Throws RegisteredClaimCollisionError when an additional claim names a registered one.
 */
export async function signAccessToken(
  claims: AccessTokenClaims,
  signingKey: AccessTokenSigningKey,
  now = Math.floor(Date.now() / 1000),
): Promise<SignedAccessToken> {
  const additional = claims.additionalClaims ?? {};
  const collisions = Object.keys(additional).filter((name) => REGISTERED_ACCESS_TOKEN_CLAIMS.includes(name));
  if (collisions.length > 0) throw new RegisteredClaimCollisionError(collisions);
  const jti = randomUUID();
  const expiresAt = now + claims.lifetimeSeconds;
  const header = base64url({ alg: signingKey.alg, kid: signingKey.kid, typ: ACCESS_TOKEN_TYPE });
  const payload = base64url({
    ...additional,
    iss: claims.issuer,
    sub: claims.subject,
    aud: claims.audience,
    iat: now,
    exp: expiresAt,
    jti,
    client_id: claims.clientId,
    scope: claims.scope,
  });
  const input = `${header}.${payload}`;
  const { digest, key } = signingInput(signingKey.alg, keyObjectOf(signingKey.key));
  const signature = await signAsync(digest, Buffer.from(input), key);
  return { token: `${input}.${signature.toString('base64url')}`, jti, issuedAt: now, expiresAt };
}
