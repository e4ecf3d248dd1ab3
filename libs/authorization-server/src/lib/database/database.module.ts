import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AuthServerConfig } from '@oauth/config';
import { openDatabase, type Database } from '@oauth/database';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientEntity } from '../clients/client.entity';
import { SigningKeyEntity } from '../keys/signing-key.entity';
import { RefreshTokenEntity } from '../token/refresh-token.entity';
import { AUTH_SERVER_MIGRATIONS } from './migrations';

const DATABASE = Symbol('DATABASE');

/** Auth-server migrations run under this advisory lock, so instances starting together migrate once. */
export const AUTH_SERVER_MIGRATION_LOCK = 7001;

@Global()
@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [AUTH_SERVER_CONFIG],
      useFactory: (config: AuthServerConfig): Promise<Database> =>
        openDatabase({
          url: config.database.url,
          embeddedDataDir: join(config.dataDir, 'auth-server', 'pg'),
          entities: [ClientEntity, SigningKeyEntity, RefreshTokenEntity],
          migrations: AUTH_SERVER_MIGRATIONS,
          migrationsTableName: 'auth_server_migrations',
          migrationLockId: AUTH_SERVER_MIGRATION_LOCK,
        }),
    },
    { provide: DataSource, inject: [DATABASE], useFactory: (database: Database) => database.dataSource },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
