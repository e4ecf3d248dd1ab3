import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import { openDatabase } from './open-data-source';

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Slow enough that two unsynchronised runners would overlap and collide.
    await queryRunner.query('SELECT pg_sleep(0.3)');
    await queryRunner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE widgets');
  }
}

describe('openDatabase', () => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await createTestDatabase('lib_database');
  });
  afterEach(() => database.drop());

  const open = () =>
    openDatabase({
      url: database.url,
      embeddedDataDir: '/nonexistent',
      entities: [],
      migrations: [CreateWidgets1700000000000],
      migrationsTableName: 'widget_migrations',
      migrationLockId: 4242,
      poolSize: 2,
    });

  it('runs pending migrations before handing out the data source, recorded in the app table', async () => {
    const { dataSource, close } = await open();
    try {
      expect(await dataSource.query('SELECT count(*)::int AS n FROM widgets')).toEqual([{ n: 0 }]);
      expect(await dataSource.query('SELECT name FROM widget_migrations')).toEqual([
        { name: 'CreateWidgets1700000000000' },
      ]);
    } finally {
      await close();
    }
  });

  it('migrates once when several instances start together (advisory lock)', async () => {
    const opened = await Promise.all([open(), open(), open()]);
    try {
      const rows = await opened[0].dataSource.query('SELECT count(*)::int AS n FROM widget_migrations');
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await Promise.all(opened.map((db) => db.close()));
    }
  });

  it('closes its connections', async () => {
    const { close } = await open();
    await close();
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const rows = await admin.query(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      expect(rows.rows).toEqual([{ n: 0 }]);
    } finally {
      await admin.end();
    }
  });
});
