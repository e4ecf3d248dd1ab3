import type { RegisteredClient } from './registered-client';

const MAX_ENTRIES = 10_000;

interface Entry {
  client: RegisteredClient;
  expiresAt: number;
}

/**
 * Registered clients held in memory for a bounded time, forgotten as soon as their row changes.
 * A lookup that started before an invalidation never stores what it read: it may be the old row.
 * See docs/adr/0004-client-registry-cache.md.
 */
export class ClientRegistryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<RegisteredClient | null>>();
  private generation = 0;
  /** Off until the change listener is listening, and whenever it is not. */
  private enabled = false;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached client, or the result of `load`; concurrent misses for one client share one load. */
  async get(clientId: string, load: () => Promise<RegisteredClient | null>): Promise<RegisteredClient | null> {
    if (!this.enabled) return load();
    const entry = this.entries.get(clientId);
    if (entry && entry.expiresAt > this.now()) return entry.client;
    if (entry) this.entries.delete(clientId);
    const running = this.pending.get(clientId);
    if (running) return running;
    const loading = this.load(clientId, load);
    this.pending.set(clientId, loading);
    return loading;
  }

  /** Starts caching: changes will be heard from now on. */
  enable(): void {
    this.enabled = this.ttlMs > 0;
  }

  /** Stops caching and forgets everything: changes could go unheard. */
  disable(): void {
    this.enabled = false;
    this.clear();
  }

  /** Drops one client: its row changed. */
  forget(clientId: string): void {
    this.generation++;
    this.entries.delete(clientId);
    this.pending.delete(clientId);
  }

  /** Drops every client: the table was truncated, or changes may have been missed. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  private async load(clientId: string, load: () => Promise<RegisteredClient | null>) {
    const generation = this.generation;
    try {
      const client = await load();
      // Unknown clients are not remembered: a client registered a moment later must work at once.
      if (client && generation === this.generation && this.enabled) this.remember(client);
      return client;
    } finally {
      if (generation === this.generation) this.pending.delete(clientId);
    }
  }

  private remember(client: RegisteredClient): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(client.clientId, { client, expiresAt: this.now() + this.ttlMs });
  }
}
