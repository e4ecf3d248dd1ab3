import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 §4.1-4.2: a 256-bit verifier and its S256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}
