import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { CachingClientRepository } from './caching-client.repository';
import { ClientChangeListener } from './client-change.listener';
import { ClientRegistry } from './client-registry';
import { ClientRepository } from './client.repository';
import { CLIENT_REGISTRY_CACHE } from './client-registry-cache.token';
import { ClientRegistryCache } from './client-registry.cache';
import { DeclaredClientsSeeder } from './declared-clients.seeder';
import { TypeOrmClientRepository } from './typeorm-client.repository';

/**
 * The client registry, global: every endpoint reads clients through ClientRegistry. By default it is the Postgres
 * registry (ClientRepository, cached and kept fresh by LISTEN/NOTIFY, seeded from CLIENTS); an app's own
 * registry replaces all of that (docs/adr/0012-authorization-server-extensions.md).
 */
@Module({})
export class ClientsModule {
  static forRoot(custom?: ClientRegistry | Type<ClientRegistry>): DynamicModule {
    if (custom === undefined) return postgresRegistry();
    return {
      module: ClientsModule,
      global: true,
      providers: [
        typeof custom === 'function'
          ? { provide: ClientRegistry, useClass: custom }
          : { provide: ClientRegistry, useValue: custom },
      ],
      exports: [ClientRegistry],
    };
  }
}

function postgresRegistry(): DynamicModule {
  return {
    module: ClientsModule,
    global: true,
    providers: [
      TypeOrmClientRepository,
      {
        provide: CLIENT_REGISTRY_CACHE,
        inject: [AUTH_SERVER_CONFIG],
        useFactory: (config: AuthServerConfig) => new ClientRegistryCache(config.clientRegistry.cacheTtlSeconds * 1000),
      },
      {
        provide: ClientRepository,
        inject: [TypeOrmClientRepository, CLIENT_REGISTRY_CACHE],
        useFactory: (inner: TypeOrmClientRepository, cache: ClientRegistryCache) =>
          new CachingClientRepository(inner, cache),
      },
      { provide: ClientRegistry, useExisting: ClientRepository },
      ClientChangeListener,
      DeclaredClientsSeeder,
    ],
    exports: [ClientRegistry, ClientRepository],
  };
}
