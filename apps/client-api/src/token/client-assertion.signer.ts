import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { ClientApiConfig } from '@oauth/config';

/** Assertion lifetime: long enough for one request, short enough that a leaked one is soon useless. */
export const ASSERTION_LIFETIME_SECONDS = 60;

/**
 * private_key_jwt (RFC 7523 §2.2, OIDC Core §9): signs a fresh client assertion for every token request, with
 * a new `jti` (the server refuses a replay) and the authorization server's issuer identifier as the single
 * `aud` (draft-ietf-oauth-rfc7523bis).
 */
export class ClientAssertionSigner {
  private key?: Promise<CryptoKey | Uint8Array>;

  constructor(
    private readonly clientId: string,
    private readonly audience: string,
    private readonly privateJwk: JWK & { alg: string },
  ) {}

  static fromConfig(config: ClientApiConfig): ClientAssertionSigner {
    const { privateKey, authServerIssuer } = config.clientAuthentication;
    // The config schema requires the key whenever private_key_jwt is chosen.
    if (!privateKey) throw new Error('CLIENT_PRIVATE_KEY is required for private_key_jwt');
    return new ClientAssertionSigner(
      config.credentials.clientId,
      authServerIssuer,
      privateKey as JWK & { alg: string },
    );
  }

  async sign(): Promise<string> {
    const { alg, kid } = this.privateJwk;
    this.key ??= importJWK(this.privateJwk, alg);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg, ...(kid ? { kid } : {}), typ: 'client-authentication+jwt' })
      .setIssuer(this.clientId)
      .setSubject(this.clientId)
      .setAudience(this.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
      .sign(await this.key);
  }
}
