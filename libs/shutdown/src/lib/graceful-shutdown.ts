import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { drainHttpServer, type DrainOutcome } from './http-drain';

const logger = new Logger('Shutdown');

/** How long requests in flight may run on after the signal, and how the process ends. */
export interface GracefulShutdownOptions {
  /** SHUTDOWN_TIMEOUT, in milliseconds: after it, connections still open are cut. */
  timeoutMs: number;
  /** Default: SIGTERM (docker stop, Kubernetes) and SIGINT (Ctrl+C). */
  signals?: NodeJS.Signals[];
  /** Default: process.exit. */
  exit?: (code: number) => void;
}

/**
 * Shuts the application down in the order that loses no request: the HTTP server first (no new connections, the
 * requests in flight finish), then Nest's hooks — `onModuleDestroy` (timers, worker pools, LISTEN connections),
 * `beforeApplicationShutdown`, `onApplicationShutdown` (the database).
 *
 * Nest's own `app.close()` runs the `onModuleDestroy` hooks before it closes the server, so a request still running
 * would lose what they stop, e.g. the auth server's bcrypt worker pool.
 */
export async function shutDownGracefully(app: NestFastifyApplication, timeoutMs: number): Promise<DrainOutcome> {
  const outcome = await drainHttpServer(app.getHttpAdapter().getInstance() as FastifyInstance, timeoutMs);
  if (outcome === 'cut') logger.warn(`Requests still running after ${timeoutMs} ms were cut off`);
  await app.close();
  return outcome;
}

/**
 * Replaces Nest's `enableShutdownHooks()`: on the first of `signals`, shuts down gracefully and exits with 0 (1 if
 * closing failed). Repeated signals change nothing; the drain is bounded by the timeout already.
 */
export function closeGracefullyOnSignals(app: NestFastifyApplication, options: GracefulShutdownOptions): void {
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    logger.log(`${signal}: refusing new connections, finishing requests in flight (at most ${options.timeoutMs} ms)`);
    shutDownGracefully(app, options.timeoutMs).then(
      () => {
        for (const name of signals) process.removeListener(name, onSignal);
        logger.log('Closed');
        exit(0);
      },
      (error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        exit(1);
      },
    );
  };
  for (const name of signals) process.on(name, onSignal);
}
