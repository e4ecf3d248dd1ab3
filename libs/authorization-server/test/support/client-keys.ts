import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';

/** A client's key pair as a test holds it: the private key to sign with, the public JWK to register. */
export interface ClientKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function clientKey(alg: 'ES256' | 'RS256' | 'PS256' | 'EdDSA', kid: string): Promise<ClientKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

export const jwksOf = (...keys: ClientKey[]): JSONWebKeySet => ({ keys: keys.map((key) => key.publicJwk) });

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** A client assertion (RFC 7523 §3) that passes every rule unless `claims` or `header` override one. */
export function clientAssertion(
  key: ClientKey,
  clientId: string,
  audience: unknown,
  options: { claims?: Record<string, unknown>; header?: Record<string, unknown>; alg?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: clientId, sub: clientId, aud: audience, jti: randomUUID(), iat: now, exp: now + 60 };
  const payload = Object.fromEntries(
    Object.entries({ ...claims, ...options.claims }).filter(([, value]) => value !== undefined),
  );
  return new SignJWT(payload)
    .setProtectedHeader({ alg: options.alg ?? key.alg, kid: key.kid, ...options.header })
    .sign(key.privateKey);
}

/** A client's jwks_uri on 127.0.0.1 that counts how often it is fetched. */
export class FakeClientJwksServer {
  fetches = 0;
  private readonly server: Server = createServer((_request, response) => {
    this.fetches += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(this.jwks));
  });

  private constructor(public jwks: JSONWebKeySet) {}

  static async start(jwks: JSONWebKeySet): Promise<FakeClientJwksServer> {
    const fake = new FakeClientJwksServer(jwks);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/jwks.json`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
