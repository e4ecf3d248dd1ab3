import { Logger } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { ConfigError, loadAuthServerConfig } from '@oauth/config';
import { createApp } from '@oauth/authorization-server';
import { closeGracefullyOnSignals } from '@oauth/shutdown';

async function bootstrap(): Promise<void> {
  // Token signatures run on libuv's thread pool (@oauth/tokens). One thread per core keeps them from time-slicing
  // against the event loop, which libuv's default of 4 does on a 2-core machine. Set before anything starts the pool;
  // an operator's own UV_THREADPOOL_SIZE wins.
  process.env['UV_THREADPOOL_SIZE'] ??= String(availableParallelism());
  const config = loadAuthServerConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  closeGracefullyOnSignals(app, { timeoutMs: config.http.shutdownTimeoutSeconds * 1000 });
  Logger.log(`Auth server listening on ${config.http.host}:${config.http.port}, issuer ${config.issuer}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Auth server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
