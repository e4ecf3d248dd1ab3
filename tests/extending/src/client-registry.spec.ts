import { hash } from 'bcryptjs';
import { Client } from 'pg';
import { createApp, type ClientRegistry } from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { createAuthorizationServer, InMemoryClientRegistry } from './examples/in-memory-client-registry';
import {
  startAuthorizationServer,
  testEnvironment,
  type RunningAuthorizationServer,
} from './support/authorization-server';
import { declaredClientsSetting } from '@oauth/testing';
import { basic, getJson, postForm } from './support/token-requests';

describe('own client registry (extensions.clientRegistry)', () => {
  let server: RunningAuthorizationServer;
  const registry = new InMemoryClientRegistry();

  beforeAll(async () => {
    registry.add('inventory-service', await hash('inventory-secret', 10), 'other.read other.write');
    server = await startAuthorizationServer((env) => createAuthorizationServer(env, registry));
  });
  afterAll(() => server.close());

  const clientCredentials = (secret: string, scope = 'other.read') =>
    postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope },
      { authorization: basic('inventory-service', secret) },
    );

  const postgresClients = async (): Promise<number> => {
    const connection = new Client({ connectionString: server.database.url });
    await connection.connect();
    try {
      const { rows } = await connection.query<{ count: string }>('SELECT count(*) FROM oauth_clients');
      return Number(rows[0].count);
    } finally {
      await connection.end();
    }
  };

  it('serves client_credentials to a client only the in-memory registry knows (RFC 6749 §4.4)', async () => {
    const response = await clientCredentials('inventory-secret');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: 'Bearer', scope: 'other.read' });
    expect(await postgresClients()).toBe(0);
  });

  it('authenticates against the registry: a wrong secret is invalid_client (RFC 6749 §5.2)', async () => {
    const response = await clientCredentials('wrong-secret');
    expect(response.status).toBe(401);
    expect(response.body['error']).toBe('invalid_client');
  });

  it('keeps refresh tokens for such a client (RFC 6749 §6)', async () => {
    const first = await clientCredentials('inventory-secret');
    const refreshed = await postForm(
      `${server.url}/token`,
      { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string },
      { authorization: basic('inventory-service', 'inventory-secret') },
    );
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).toEqual(expect.any(String));
  });

  it("advertises the registry's scopes as scopes_supported (RFC 8414 §2)", async () => {
    const metadata = await getJson(`${server.url}/.well-known/oauth-authorization-server`);
    expect(metadata.body['scopes_supported']).toEqual(['other.read', 'other.write']);
  });

  it('does not mount the /clients admin API, which writes to the Postgres registry', async () => {
    expect((await getJson(`${server.url}/clients`)).status).toBe(404);
  });

  it('leaves scopes_supported out when the registry cannot list scopes', async () => {
    const lookupOnly: ClientRegistry = { findById: async () => null };
    const other = await startAuthorizationServer((env) =>
      createApp(loadAuthServerConfig(env), { clientRegistry: lookupOnly }),
    );
    try {
      const metadata = await getJson(`${other.url}/.well-known/oauth-authorization-server`);
      expect(metadata.status).toBe(200);
      expect(metadata.body).not.toHaveProperty('scopes_supported');
    } finally {
      await other.close();
    }
  });

  it('refuses to boot when CLIENTS declares clients that the own registry would never read', async () => {
    const environment = await testEnvironment({
      CLIENTS: await declaredClientsSetting([
        { clientId: 'declared', secret: 'declared-secret', grantTypes: ['client_credentials'], scope: 'other.read' },
      ]),
    });
    try {
      await expect(createAuthorizationServer(environment.env, registry)).rejects.toThrow(
        'CLIENTS must be empty when extensions.clientRegistry is given',
      );
    } finally {
      await environment.cleanUp();
    }
  });
});
