import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: RecordedRequest) => FakeAnswer;

/** A tiny upstream on 127.0.0.1 that records every request and answers with `handler`. */
export class FakeHttpServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(request);
      const answer = this.handler(request);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });

  private constructor(public handler: FakeHandler) {}

  static async start(handler: FakeHandler): Promise<FakeHttpServer> {
    const fake = new FakeHttpServer(handler);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** A URL on 127.0.0.1 where nothing listens: a server is started and closed again. */
  static async unreachableUrl(): Promise<string> {
    const fake = await FakeHttpServer.start(() => ({ status: 500, body: {} }));
    const { url } = fake;
    await fake.close();
    return url;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

/** The form parameters of a recorded token request. */
export const formOf = (request: RecordedRequest) => Object.fromEntries(new URLSearchParams(request.body));

/** The Basic user-id and password, as sent (still form-url-encoded). */
export function basicCredentials(request: RecordedRequest): string {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) throw new Error(`not a Basic header: ${header}`);
  return Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
}
