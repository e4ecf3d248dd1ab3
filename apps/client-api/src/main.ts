import { Logger } from '@nestjs/common';
import { ConfigError, loadClientApiConfig } from '@oauth/config';
import { closeGracefullyOnSignals } from '@oauth/shutdown';
import { createApp } from './bootstrap/create-app';

async function bootstrap(): Promise<void> {
  const config = loadClientApiConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  closeGracefullyOnSignals(app, { timeoutMs: config.http.shutdownTimeoutSeconds * 1000 });
  Logger.log(`client-api listening on http://${config.http.host}:${config.http.port}`, 'Bootstrap');
}

void bootstrap().catch((error: unknown) => {
  // A bad setting is one line naming the variable; anything else keeps its stack for the operator.
  const message =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
