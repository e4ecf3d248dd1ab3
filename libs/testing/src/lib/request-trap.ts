import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback server that counts the requests it gets. */
export interface RequestTrap {
  url: string;
  hits(): number;
  close(): Promise<void>;
}

/**
 * Starts a RequestTrap that answers an empty JWKS: a token or assertion whose header points a verifier here (`jku`,
 * `x5u`) must never make it fetch (RFC 8725 §3.10).
 */
export async function startRequestTrap(): Promise<RequestTrap> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"keys":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
