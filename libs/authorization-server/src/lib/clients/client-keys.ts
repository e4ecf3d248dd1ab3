import type { JSONWebKeySet, JWK } from 'jose';
import { CLIENT_ASSERTION_ALGORITHMS } from '@oauth/config';

const MAX_KEYS = 10;
const KEY_TYPES = ['RSA', 'EC', 'OKP'];
/** RFC 7518 §6: members that only a private or symmetric key has. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
/** RFC 7518 §3.3: RSA keys of at least 2048 bits. */
const MIN_RSA_MODULUS_BYTES = 256;

/**
 * Checks a client's `jwks` (RFC 7591 §2) before it is registered: public asymmetric signing keys only, so a
 * client can never register an HMAC secret or leak its private key into the registry. Throws with a message
 * fit for the operator.
 */
export function parsePublicJwks(value: unknown): JSONWebKeySet {
  const keys = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS) {
    throw new Error(`jwks must be an object with 1 to ${MAX_KEYS} keys`);
  }
  keys.forEach((key: unknown, index) => checkPublicKey(key, `jwks.keys[${index}]`));
  return { keys: keys as JWK[] };
}

function checkPublicKey(key: unknown, at: string): void {
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw new Error(`${at} must be a JWK object`);
  const jwk = key as Record<string, unknown>;
  if (!KEY_TYPES.includes(jwk['kty'] as string)) throw new Error(`${at}.kty must be RSA, EC or OKP`);
  const privateMember = PRIVATE_MEMBERS.find((member) => member in jwk);
  if (privateMember) throw new Error(`${at} must be a public key (it has "${privateMember}")`);
  if (jwk['alg'] !== undefined && !(CLIENT_ASSERTION_ALGORITHMS as readonly unknown[]).includes(jwk['alg'])) {
    throw new Error(`${at}.alg must be one of ${CLIENT_ASSERTION_ALGORITHMS.join(', ')}`);
  }
  if (jwk['use'] !== undefined && jwk['use'] !== 'sig') throw new Error(`${at}.use must be sig`);
  if (jwk['kid'] !== undefined && typeof jwk['kid'] !== 'string') throw new Error(`${at}.kid must be a string`);
  if (jwk['kty'] === 'RSA' && Buffer.from(String(jwk['n'] ?? ''), 'base64url').length < MIN_RSA_MODULUS_BYTES) {
    throw new Error(`${at} must be an RSA key of at least 2048 bits`);
  }
}
