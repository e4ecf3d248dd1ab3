import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

/** A stand-in for the auth server's `GET /.well-known/jwks.json`, on loopback. */
export interface FakeJwksServer {
  url: string;
  /** How many times the key set was fetched. */
  readonly fetchCount: number;
  /** Replaces the published keys, as a key rotation at the auth server would. */
  publish(keys: JWK[]): void;
  /** From now on answers 503, as an auth server in trouble would (fetches are still counted). */
  failFromNowOn(): void;
  close(): Promise<void>;
}

export async function startFakeJwksServer(keys: JWK[]): Promise<FakeJwksServer> {
  let published = keys;
  let fetchCount = 0;
  let failing = false;
  const server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    fetchCount += 1;
    if (failing) {
      response.writeHead(503).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get fetchCount() {
      return fetchCount;
    },
    publish(next) {
      published = next;
    },
    failFromNowOn() {
      failing = true;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
