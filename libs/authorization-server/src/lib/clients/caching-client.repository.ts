import type { ClientRepository } from './client.repository';
import type { ClientRegistryCache } from './client-registry.cache';
import type { ClientRegistration, RegisteredClient } from './registered-client';

/**
 * The client registry with lookups served from memory: the warm token endpoint makes no database round trip.
 * Reads go through the cache; every write delegates and then forgets what it changed on this instance at once
 * (other instances hear of it through the `oauth_clients_changed` notification). A new write method of
 * ClientRepository delegates the same way and calls `forget` or `clear`.
 */
export class CachingClientRepository implements ClientRepository {
  constructor(
    private readonly inner: ClientRepository,
    private readonly cache: ClientRegistryCache,
  ) {}

  findById(clientId: string): Promise<RegisteredClient | null> {
    return this.cache.get(clientId, () => this.inner.findById(clientId));
  }

  list(): Promise<RegisteredClient[]> {
    return this.inner.list();
  }

  save(registration: ClientRegistration): Promise<void> {
    return this.writeThrough(registration.clientId, () => this.inner.save(registration));
  }

  delete(clientId: string): Promise<boolean> {
    return this.writeThrough(clientId, () => this.inner.delete(clientId));
  }

  rotateSecret(clientId: string, secretHash: string, previousSecretExpiresAt: Date): Promise<boolean> {
    return this.writeThrough(clientId, () => this.inner.rotateSecret(clientId, secretHash, previousSecretExpiresAt));
  }

  listScopes(): Promise<string[]> {
    return this.inner.listScopes();
  }

  /** Runs a write, then forgets the client here, whether or not the write succeeded. */
  private async writeThrough<T>(clientId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.cache.forget(clientId);
    }
  }
}
