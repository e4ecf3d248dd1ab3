import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { CLIENT_REGISTRY_CACHE } from './client-registry-cache.token';
import type { ClientRegistryCache } from './client-registry.cache';

/** The channel the oauth_clients trigger notifies (migration 1764700000000). */
export const CLIENT_CHANGES_CHANNEL = 'oauth_clients_changed';

const RECONNECT_DELAY_MS = 1_000;

/**
 * Listens on its own connection for changes to oauth_clients made by any instance or any code path, and drops the
 * changed client from this instance's cache. While not listening, nothing is cached: a change could go unheard.
 */
@Injectable()
export class ClientChangeListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ClientChangeListener.name);
  private connection?: Client;
  private reconnectTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLIENT_REGISTRY_CACHE) private readonly cache: ClientRegistryCache,
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.clientRegistry.cacheTtlSeconds > 0) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    await this.connection?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    // The same server the DataSource uses, embedded or not; a dedicated connection, because LISTEN is per session.
    const { url } = this.dataSource.options as { url?: string };
    const connection = new Client({ connectionString: url });
    connection.on('notification', (message) => {
      if (message.channel !== CLIENT_CHANGES_CHANNEL) return;
      if (message.payload) this.cache.forget(message.payload);
      else this.cache.clear();
    });
    connection.on('error', (error) => this.lost(connection, error));
    connection.on('end', () => this.lost(connection));
    try {
      await connection.connect();
      await connection.query(`LISTEN ${CLIENT_CHANGES_CHANNEL}`);
    } catch (error) {
      this.lost(connection, error);
      return;
    }
    // Anything cached before this point may have changed unheard.
    this.cache.clear();
    this.connection = connection;
    this.cache.enable();
  }

  private lost(connection: Client, error?: unknown): void {
    if (this.connection !== undefined && this.connection !== connection) return;
    this.cache.disable();
    this.connection = undefined;
    connection.removeAllListeners('end');
    connection.on('error', () => undefined);
    void connection.end().catch(() => undefined);
    if (this.stopped || this.reconnectTimer) return;
    this.logger.warn(
      `Not listening for client changes (${error instanceof Error ? error.message : 'connection closed'}); ` +
        'the client cache is off until the connection is back',
    );
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.listen();
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }
}
