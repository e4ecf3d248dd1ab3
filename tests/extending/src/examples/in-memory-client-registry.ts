import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type ClientRegistry, type RegisteredClient } from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { ScopeSet } from '@oauth/scopes';

/** Clients kept in memory, for example loaded from your own service catalogue at startup. */
export class InMemoryClientRegistry implements ClientRegistry {
  private readonly clients = new Map<string, RegisteredClient>();

  /** A machine client authenticating with client_secret_basic; `secretHash` is the bcrypt hash of its secret. */
  add(clientId: string, secretHash: string, scope: string): void {
    const now = new Date();
    this.clients.set(clientId, {
      clientId,
      clientName: null,
      tokenEndpointAuthMethod: 'client_secret_basic',
      secretHash,
      previousSecretHash: null,
      previousSecretExpiresAt: null,
      grantTypes: ['client_credentials', 'refresh_token'],
      allowedScopes: ScopeSet.parse(scope),
      redirectUris: [],
      jwks: null,
      jwksUri: null,
      tokenEndpointAuthSigningAlg: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  async findById(clientId: string): Promise<RegisteredClient | null> {
    return this.clients.get(clientId) ?? null;
  }

  /** Optional: discovery advertises these as scopes_supported. */
  async listScopes(): Promise<string[]> {
    return [...new Set([...this.clients.values()].flatMap((client) => client.allowedScopes.values()))].sort();
  }
}

/** What your main.ts calls instead of the plain createApp(config). */
export function createAuthorizationServer(
  env: NodeJS.ProcessEnv,
  registry: InMemoryClientRegistry,
): Promise<NestFastifyApplication> {
  return createApp(loadAuthServerConfig(env), { clientRegistry: registry });
}
