import { createHash, randomBytes } from 'node:crypto';

/** A random opaque token (refresh token, authorization code, client secret): 256 bits, base64url. */
export function generateOpaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 of a token, base64url: what is stored instead of the token itself. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
