import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ClientApiConfig } from '@oauth/config';
import { createApp } from '../../src/bootstrap/create-app';

/** The real app, built by `createApp` and listening on an ephemeral port on 127.0.0.1. */
export async function startApp(config: ClientApiConfig): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('the app is not listening on a port');
  return { app, url: `http://127.0.0.1:${address.port}` };
}
