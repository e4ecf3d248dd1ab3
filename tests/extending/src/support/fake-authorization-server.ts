import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** The parts of an authorization server a resource server talks to: its JWKS and its deny-list feed (ADR 0006). */
export interface FakeAuthorizationServer {
  /** The issuer identifier; the JWKS and the feed live at their default paths under it. */
  issuer: string;
  /** Signs an RFC 9068 access token with the published key; returns it and its `jti`. */
  issue(claims: { audience: string; scope: string; subject?: string }): Promise<{ token: string; jti: string }>;
  /** Puts a token on the deny-list feed. */
  denyList(jti: string): void;
  close(): Promise<void>;
}

const KID = 'key-1';
const CLIENT_ID = 'billing-app';

/** Serves on loopback; the feed answers only the resource server's client `feedClientId` with `feedSecret`. */
export async function startFakeAuthorizationServer(
  feedClientId: string,
  feedSecret: string,
): Promise<FakeAuthorizationServer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: 'ES256', use: 'sig' }] };
  const entries: { type: 'jti'; value: string; exp: number }[] = [];
  const feedAuthorization = `Basic ${Buffer.from(`${feedClientId}:${feedSecret}`).toString('base64')}`;

  const server = createServer((request, response) => {
    const json = (status: number, body?: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(body && JSON.stringify(body));
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/.well-known/jwks.json') return json(200, jwks);
    if (path !== '/deny-list') return json(404);
    if (request.headers.authorization !== feedAuthorization) return json(401);
    return json(200, { cursor: new Date().toISOString(), entries });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    async issue({ audience, scope, subject = CLIENT_ID }) {
      const jti = randomUUID();
      const token = await new SignJWT({ client_id: CLIENT_ID, scope, jti })
        // RFC 9068 §2.1: access tokens are typed at+jwt.
        .setProtectedHeader({ alg: 'ES256', kid: KID, typ: 'at+jwt' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(subject)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
      return { token, jti };
    },
    denyList(jti) {
      entries.push({ type: 'jti', value: jti, exp: Math.floor(Date.now() / 1000) + 600 });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
