import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

export interface DatabaseOptions {
  /** Postgres URL; when absent, an embedded PGlite under `embeddedDataDir` is started. */
  url?: string;
  embeddedDataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Each app keeps its own migration history, so several apps may share one database. */
  migrationsTableName: string;
  /** A per-app advisory lock id, so instances starting together migrate one at a time. */
  migrationLockId: number;
  poolSize?: number;
}

/** An initialised, migrated DataSource and how to close it (and the embedded server, if any). */
export interface Database {
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Opens the database and runs pending migrations before anything is served.
 * `synchronize` stays off: the schema only ever changes through migrations.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const poolSize = options.poolSize ?? 10;
  let embedded: EmbeddedPostgres | undefined;
  if (!options.url) embedded = await startEmbeddedPostgres(options.embeddedDataDir, poolSize + 2);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url ?? embedded?.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: options.migrationsTableName,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize,
    // Fail fast when the server is away, so callers get a 503 in well under two seconds.
    extra: { connectionTimeoutMillis: 1_000 },
  });
  try {
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource, options.migrationLockId, embedded !== undefined);
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    async close() {
      await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function runMigrationsExclusively(dataSource: DataSource, lockId: number, embedded: boolean): Promise<void> {
  // An embedded database belongs to one process, and PGlite would serialise the lock holder
  // against the migration connection: no lock there.
  if (embedded) {
    await dataSource.runMigrations();
    return;
  }
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [lockId]);
    await dataSource.runMigrations();
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
    await lockRunner.release();
  }
}
