import { Writable } from 'node:stream';
import { Body, Controller, Get, Logger, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LoggingModule, useStructuredLogging } from './logging.module';
import { currentRequest, requestIdHeaders } from './request-context';
import { REQUEST_ID_ADAPTER_OPTIONS } from './request-id';

const SECRET = 'very-secret-value-123';

@Controller()
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Post('form')
  form(@Body() body: Record<string, string>) {
    // Runs after the body was read from the socket: the request scope must have been re-entered.
    this.logger.log(`handling a form with ${Object.keys(body).length} fields`);
    this.logger.warn({ body, client_secret: body['client_secret'] }, 'an object logged on purpose');
    return { seen: currentRequest()?.id, outgoing: requestIdHeaders() };
  }

  @Get('callback')
  callback(@Query('code') code: string) {
    return { length: code.length };
  }

  @Get('boom')
  boom() {
    throw Object.assign(new Error('database said no'), { parameters: [SECRET], code: '57P01' });
  }
}

function lines(chunks: string[]): Record<string, unknown>[] {
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('LoggingModule', () => {
  const chunks: string[] = [];
  let app: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString('utf8'));
        done();
      },
    });
    const module = {
      module: class ProbeModule {},
      imports: [LoggingModule.forRoot({ service: 'probe', level: 'log', destination })],
      controllers: [ProbeController],
    };
    app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(REQUEST_ID_ADAPTER_OPTIONS), {
      bufferLogs: true,
      abortOnError: false,
    });
    useStructuredLogging(app);
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });

  afterAll(async () => {
    await app.close();
  });

  beforeEach(() => {
    chunks.length = 0;
  });

  it('keeps a valid X-Request-Id, echoes it and puts it on every line of the request, after the body was read', async () => {
    const response = await fetch(`${url}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-request-id': 'trace-abc.123' },
      // Large enough to arrive in several chunks, each read in the socket's own callback.
      body: new URLSearchParams({ client_secret: SECRET, grant_type: 'client_credentials', pad: 'x'.repeat(200_000) }),
    });

    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('trace-abc.123');
    expect(await response.json()).toEqual({ seen: 'trace-abc.123', outgoing: { 'x-request-id': 'trace-abc.123' } });
    const logged = lines(chunks);
    expect(logged.map((line) => line['msg'])).toEqual([
      'handling a form with 3 fields',
      'an object logged on purpose',
      'request completed',
    ]);
    for (const line of logged) {
      expect(line).toMatchObject({ request_id: 'trace-abc.123', service: 'probe' });
    }
    expect(logged[2]).toMatchObject({
      level: 'info',
      req: { method: 'POST', url: '/form' },
      res: { statusCode: 201 },
    });
    expect(logged[1]).toMatchObject({ level: 'warn', body: '[redacted]', client_secret: '[redacted]' });
    expect(chunks.join('')).not.toContain(SECRET);
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['unsafe characters', 'abc"}{\\'],
    ['a space', 'a b'],
  ])('replaces an incoming id with %s by a UUID', async (_case, presented) => {
    const response = await fetch(`${url}/callback?code=x`, { headers: { 'x-request-id': presented } });

    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lines(chunks)).toEqual([expect.objectContaining({ request_id: id })]);
  });

  it('logs no query string, so an authorization code in a redirect URI stays out of the log', async () => {
    await fetch(`${url}/callback?code=${SECRET}&state=s`);

    expect(lines(chunks)).toEqual([expect.objectContaining({ req: expect.objectContaining({ url: '/callback' }) })]);
    expect(chunks.join('')).not.toContain(SECRET);
  });

  it('logs a failed request at error level without the fields a database error carries', async () => {
    const response = await fetch(`${url}/boom`);

    expect(response.status).toBe(500);
    const logged = lines(chunks);
    expect(logged.at(-1)).toMatchObject({ level: 'error', res: { statusCode: 500 } });
    expect(chunks.join('')).toContain('database said no');
    expect(chunks.join('')).not.toContain(SECRET);
  });

  it('has no request context outside a request', () => {
    expect(currentRequest()).toBeUndefined();
    expect(requestIdHeaders()).toEqual({});
  });
});
