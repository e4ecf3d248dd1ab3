import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type AccessTokenClaimsHook } from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';

/** The tenant of each client; in your app, a lookup in your own data. */
const TENANTS: Readonly<Record<string, string>> = { 'billing-service': 'acme' };

/** Adds `tenant` to every access token, so resource servers can scope their data without a lookup. */
export const tenantClaims: AccessTokenClaimsHook = ({ client }) => ({
  tenant: TENANTS[client.clientId] ?? 'public',
});

/** What your main.ts calls instead of the plain createApp(config). */
export function createAuthorizationServer(env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> {
  return createApp(loadAuthServerConfig(env), { accessTokenClaims: tenantClaims });
}
