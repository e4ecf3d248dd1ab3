import { randomBytes } from 'node:crypto';
import {
  declaredClientsSetting,
  freePort,
  startService,
  type DeclaredTestClient,
  type ServiceProcess,
} from '@oauth/testing';

/**
 * The scaled topology: two production auth-server instances on one database, with one issuer and one
 * key-encryption key, so any instance serves any request. Started together: migrations and the first signing key
 * must be created exactly once.
 */
export async function startAuthServerPair(
  databaseUrl: string,
  issuer: string,
  clients: readonly DeclaredTestClient[],
): Promise<[ServiceProcess, ServiceProcess]> {
  const common = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    ISSUER: issuer,
    KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
    CLIENTS: await declaredClientsSetting(clients),
  };
  const [firstPort, secondPort] = [await freePort(), await freePort()];
  return Promise.all([
    startService('auth-server', firstPort, { ...common, AUTH_SERVER_PORT: String(firstPort) }),
    startService('auth-server', secondPort, { ...common, AUTH_SERVER_PORT: String(secondPort) }),
  ]);
}
