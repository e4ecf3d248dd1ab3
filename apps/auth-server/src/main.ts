import { Logger } from '@nestjs/common';
import { ConfigError, loadAuthServerConfig } from '@oauth/config';
import { createApp } from '@oauth/authorization-server';
import { closeGracefullyOnSignals } from '@oauth/shutdown';

async function bootstrap(): Promise<void> {
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
