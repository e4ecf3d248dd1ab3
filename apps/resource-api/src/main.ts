import { Logger } from '@nestjs/common';
import { ConfigError, loadResourceApiConfig, type ResourceApiConfig } from '@oauth/config';
import { closeGracefullyOnSignals } from '@oauth/shutdown';
import { createApp } from './bootstrap/create-app';

function loadConfigOrExit(): ResourceApiConfig {
  try {
    return loadResourceApiConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  await app.listen(config.http.port, config.http.host);
  closeGracefullyOnSignals(app, { timeoutMs: config.http.shutdownTimeoutSeconds * 1000 });
  Logger.log(`resource-api listening on ${await app.getUrl()}`, 'Bootstrap');
}

void bootstrap();
