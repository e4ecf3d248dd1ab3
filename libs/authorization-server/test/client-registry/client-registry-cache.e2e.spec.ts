import { hash } from 'bcryptjs';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import { ClientRepository } from '../../src/lib/clients/client.repository';
import {
  basic,
  postForm,
  startAuthServer,
  type RunningAuthServer,
  type TestClient,
} from '../support/auth-server.fixture';

const service: TestClient = {
  clientId: 'service',
  secret: 'service-secret-value',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

// Booting two instances and checking bcrypt secrets takes a while on a loaded machine.
jest.setTimeout(60_000);

/**
 * Retries `check` until it passes. The deadline only keeps a broken build from polling forever: it is far above
 * any propagation delay, so no timing is asserted.
 */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('the client registry cache, two instances on one database (ADR 0004)', () => {
  let database: TestDatabase;
  let first: RunningAuthServer;
  let second: RunningAuthServer;
  // A TTL far beyond the test's timeout: only the change notification can make these tests pass.
  const env = { CLIENT_REGISTRY_CACHE_TTL: '3600' };

  const requestToken = (server: RunningAuthServer, secret: string) =>
    postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      { authorization: basic(service.clientId, secret) },
    );

  beforeEach(async () => {
    database = await createTestDatabase('client_cache');
    first = await startAuthServer([service], env, database);
    second = await startAuthServer([service], env, database);
    // Both instances now hold the client in their caches.
    expect((await requestToken(first, service.secret)).status).toBe(200);
    expect((await requestToken(second, service.secret)).status).toBe(200);
  });

  afterEach(async () => {
    await second.stop();
    await first.close();
  });

  it('a secret rotated through one instance is enforced by the other', async () => {
    const newSecret = 'rotated-secret-value';
    const newHash = await hash(newSecret, 11);
    await first.app.get(ClientRepository).save({
      clientId: service.clientId,
      secretHash: newHash,
      grantTypes: service.grantTypes,
      scope: service.scope,
    });

    // The writing instance forgets its copy before save() returns.
    const onFirst = await requestToken(first, service.secret);
    expect(onFirst.status).toBe(401);
    expect(onFirst.body['error']).toBe('invalid_client');

    await eventually(async () => {
      const response = await requestToken(second, service.secret);
      expect(response.status).toBe(401);
      expect(response.body['error']).toBe('invalid_client');
      expect(response.headers.get('www-authenticate')).toContain('Basic realm="token"');
    });
    expect((await requestToken(second, newSecret)).status).toBe(200);
  });

  it('a client deleted by any code path (plain SQL) is refused by every instance', async () => {
    await first.dataSource.query('DELETE FROM oauth_clients WHERE client_id = $1', [service.clientId]);

    for (const server of [first, second]) {
      await eventually(async () => {
        const response = await requestToken(server, service.secret);
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
      });
    }
  });

  it('a narrowed registration (fewer grant types) applies on every instance', async () => {
    await second.dataSource.query(`UPDATE oauth_clients SET grant_types = '{refresh_token}' WHERE client_id = $1`, [
      service.clientId,
    ]);

    for (const server of [first, second]) {
      await eventually(async () => {
        const response = await requestToken(server, service.secret);
        expect(response.status).toBe(400);
        expect(response.body['error']).toBe('unauthorized_client');
      });
    }
  });
});
