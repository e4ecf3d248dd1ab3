import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server has received and keeps unanswered until `release()`. */
export interface HeldRequest {
  /** Resolves when the request arrived. */
  reached: Promise<void>;
  release(): void;
}

/**
 * A tiny JSON upstream on 127.0.0.1 (a client's jwks_uri, a token endpoint, a resource API). The next request to a
 * held path waits until the test releases it, so a service under test stays busy exactly as long as the test wants.
 */
export class HeldJsonServer {
  private readonly holds = new Map<string, { arrived(): void; released: Promise<void> }>();
  private readonly server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    const hold = this.holds.get(path);
    this.holds.delete(path);
    hold?.arrived();
    void (hold?.released ?? Promise.resolve()).then(() => {
      const route = this.routes.get(path);
      res.writeHead(route ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(route ? route() : { error: 'not_found' }));
    });
    req.resume();
  });

  private readonly routes: Map<string, () => unknown>;

  private constructor(routes: Record<string, () => unknown>) {
    this.routes = new Map(Object.entries(routes));
  }

  /** Answers each path of `routes` with 200 and the JSON its function returns, anything else with 404. */
  static async start(routes: Record<string, () => unknown>): Promise<HeldJsonServer> {
    const upstream = new HeldJsonServer(routes);
    await new Promise<void>((resolve) => upstream.server.listen(0, '127.0.0.1', resolve));
    return upstream;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Holds the next request to `path`. */
  hold(path: string): HeldRequest {
    let arrived = () => undefined as void;
    let release = () => undefined as void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(path, { arrived, released });
    return { reached, release };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
