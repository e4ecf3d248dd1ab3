import { Controller, Get, Injectable, Module, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Agent, get } from 'node:http';
import { connect } from 'node:net';
import { closeGracefullyOnSignals, shutDownGracefully } from './graceful-shutdown';

/** Stands for a worker pool or a timer: stopped by onModuleDestroy, needed by requests. */
@Injectable()
class Worker implements OnModuleDestroy, OnApplicationShutdown {
  readonly events: string[] = [];
  stopped = false;
  /** Resolves when a request reached the handler. */
  started!: Promise<void>;
  release!: () => void;
  private reached!: () => void;
  private gate!: Promise<void>;

  constructor() {
    this.reset();
  }

  reset(): void {
    this.started = new Promise((resolve) => (this.reached = resolve));
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  async work(): Promise<{ worker: 'running' | 'stopped' }> {
    this.reached();
    await this.gate;
    this.events.push('request answered');
    return { worker: this.stopped ? 'stopped' : 'running' };
  }

  onModuleDestroy(): void {
    this.stopped = true;
    this.events.push('onModuleDestroy');
  }

  onApplicationShutdown(): void {
    this.events.push('onApplicationShutdown (database closed)');
  }
}

@Controller()
class SlowController {
  constructor(private readonly worker: Worker) {}

  @Get('slow')
  slow() {
    return this.worker.work();
  }
}

@Module({ controllers: [SlowController], providers: [Worker] })
class SlowModule {}

async function startApp(): Promise<{ app: NestFastifyApplication; port: number; worker: Worker }> {
  const app = await NestFactory.create<NestFastifyApplication>(SlowModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, port, worker: app.get(Worker) };
}

/** A GET on a kept-alive connection, as a load balancer or an HTTP client pool sends it. */
function getKeptAlive(port: number, agent: Agent): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/slow', agent }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(body) }));
    }).on('error', reject);
  });
}

/** Whether a new TCP connection to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

async function eventuallyRefused(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await connectionRefused(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe('shutDownGracefully', () => {
  const agent = new Agent({ keepAlive: true });
  afterAll(() => agent.destroy());

  it('refuses new connections, lets the request in flight finish before any hook runs, then runs the hooks', async () => {
    const { app, port, worker } = await startApp();
    const answer = getKeptAlive(port, agent);
    await worker.started;

    const shutdown = shutDownGracefully(app, 10_000);

    expect(await eventuallyRefused(port)).toBe(true);
    expect(worker.events).toEqual([]);
    worker.release();
    expect(await answer).toEqual({ status: 200, body: { worker: 'running' } });
    // The kept-alive connection is closed once answered; otherwise this waits for Fastify's 72 s keep-alive timeout.
    expect(await shutdown).toBe('drained');
    expect(worker.events).toEqual(['request answered', 'onModuleDestroy', 'onApplicationShutdown (database closed)']);
  });

  it('cuts the connections of requests still running when the timeout passes, then runs the hooks', async () => {
    const { app, port, worker } = await startApp();
    const answer = getKeptAlive(port, agent);
    await worker.started;

    expect(await shutDownGracefully(app, 200)).toBe('cut');

    await expect(answer).rejects.toThrow('socket hang up');
    expect(worker.events).toEqual(['onModuleDestroy', 'onApplicationShutdown (database closed)']);
    worker.release();
  });
});

describe('closeGracefullyOnSignals', () => {
  it('shuts down on the signal and exits with 0 once closed; a repeated signal changes nothing', async () => {
    const { app, port, worker } = await startApp();
    // A signal nothing else in the test process listens to; emitting it only calls the listeners.
    expect(process.listenerCount('SIGUSR2')).toBe(0);
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    closeGracefullyOnSignals(app, { timeoutMs: 10_000, signals: ['SIGUSR2'], exit: (code) => exited(code) });
    const answer = getKeptAlive(port, new Agent({ keepAlive: false }));
    await worker.started;

    process.emit('SIGUSR2', 'SIGUSR2');
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await eventuallyRefused(port)).toBe(true);
    worker.release();

    expect(await answer).toEqual({ status: 200, body: { worker: 'running' } });
    expect(await exitCode).toBe(0);
    expect(worker.events).toEqual(['request answered', 'onModuleDestroy', 'onApplicationShutdown (database closed)']);
    expect(process.listenerCount('SIGUSR2')).toBe(0);
  });
});
