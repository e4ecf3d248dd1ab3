import { signAccessToken, type AccessTokenClaims } from '@oauth/tokens';
import type { TestSigningKey } from './signing-keys';

export const ISSUER = 'http://localhost:5001';
export const AUDIENCE = 'other';
export const CLIENT_ID = 'client';

/** A well-formed access token for this API, with any claim overridden. */
export async function issueAccessToken(
  key: TestSigningKey,
  claims: Partial<AccessTokenClaims> = {},
  now?: number,
): Promise<string> {
  const signed = await signAccessToken(
    {
      issuer: ISSUER,
      subject: CLIENT_ID,
      clientId: CLIENT_ID,
      audience: AUDIENCE,
      scope: 'other.read other.write',
      lifetimeSeconds: 300,
      ...claims,
    },
    key.signingKey,
    now,
  );
  return signed.token;
}
