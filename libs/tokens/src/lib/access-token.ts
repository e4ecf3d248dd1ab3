import { createPrivateKey, KeyObject, randomUUID, sign, type webcrypto } from 'node:crypto';
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

/** The names among `claims` that are registered claims. */
export function registeredClaimsIn(claims: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(claims).filter((name) => REGISTERED_ACCESS_TOKEN_CLAIMS.includes(name));
}

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

/**
 * Node guards each key object with a mutex held for the whole of a signature, and the event loop takes the same
 * mutex to start the next one: with one key object, signatures run one at a time and stall the loop meanwhile. So
 * each key is a pool of identical key objects, each used by one signature at a time; the pool grows to the number
 * of signatures in flight.
 */
class KeyObjectPool {
  private readonly idle: KeyObject[] = [];
  private readonly der: Buffer;

  constructor(key: CryptoKey | KeyObject) {
    const original = key instanceof KeyObject ? key : KeyObject.from(key as unknown as webcrypto.CryptoKey);
    this.der = original.export({ format: 'der', type: 'pkcs8' });
  }

  async use<T>(operation: (key: KeyObject) => Promise<T>): Promise<T> {
    const key = this.idle.pop() ?? createPrivateKey({ key: this.der, format: 'der', type: 'pkcs8' });
    try {
      return await operation(key);
    } finally {
      this.idle.push(key);
    }
  }
}

/** The pool of each signing key, made on first use. */
const keyPools = new WeakMap<object, KeyObjectPool>();

function poolOf(key: CryptoKey | KeyObject): KeyObjectPool {
  let pool = keyPools.get(key);
  if (!pool) {
    pool = new KeyObjectPool(key);
    keyPools.set(key, pool);
  }
  return pool;
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
 * Signs an RFC 9068 JWT access token (a compact JWS, RFC 7515 §7.1). `now` is seconds since the epoch; a caller
 * that must name the token in a durable write before signing it chooses `now` and `jti` itself. Throws
 * RegisteredClaimCollisionError when an additional claim names a registered one.
 */
export async function signAccessToken(
  claims: AccessTokenClaims,
  signingKey: AccessTokenSigningKey,
  now = Math.floor(Date.now() / 1000),
  jti: string = randomUUID(),
): Promise<SignedAccessToken> {
  const additional = claims.additionalClaims ?? {};
  const collisions = registeredClaimsIn(additional);
  if (collisions.length > 0) throw new RegisteredClaimCollisionError(collisions);
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
  const data = Buffer.from(input);
  const signature = await poolOf(signingKey.key).use((keyObject) => {
    const { digest, key } = signingInput(signingKey.alg, keyObject);
    return signAsync(digest, data, key);
  });
  return { token: `${input}.${signature.toString('base64url')}`, jti, issuedAt: now, expiresAt };
}
