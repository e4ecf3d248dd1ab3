import { Module } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { CachingClientRepository } from './caching-client.repository';
import { ClientChangeListener } from './client-change.listener';
import { ClientRepository } from './client.repository';
import { CLIENT_REGISTRY_CACHE } from './client-registry-cache.token';
import { ClientRegistryCache } from './client-registry.cache';
import { DeclaredClientsSeeder } from './declared-clients.seeder';
import { TypeOrmClientRepository } from './typeorm-client.repository';

@Module({
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
    ClientChangeListener,
    DeclaredClientsSeeder,
  ],
  exports: [ClientRepository],
})
export class ClientsModule {}
