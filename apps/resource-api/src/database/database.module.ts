import path from 'node:path';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ResourceApiConfig } from '@oauth/config';
import { openDatabase, type Database } from '@oauth/database';
import { DataSource } from 'typeorm';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import { Item } from '../items/item.entity';
import { CreateItems1767225600000 } from './migrations/1767225600000-create-items';

const DATABASE = Symbol('DATABASE');

/** The auth server holds lock 7001; a distinct id lets both migrate the same database concurrently. */
const MIGRATION_LOCK_ID = 7003;

@Module({
  providers: [
    {
      provide: DATABASE,
      inject: [RESOURCE_API_CONFIG],
      useFactory: (config: ResourceApiConfig): Promise<Database> =>
        openDatabase({
          url: config.database.url,
          embeddedDataDir: path.join(config.dataDir, 'resource-api'),
          entities: [Item],
          migrations: [CreateItems1767225600000],
          migrationsTableName: 'resource_api_migrations',
          migrationLockId: MIGRATION_LOCK_ID,
        }),
    },
    {
      provide: DataSource,
      inject: [DATABASE],
      useFactory: (database: Database) => database.dataSource,
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
