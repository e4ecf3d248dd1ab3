import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens (by `jti`) and signing keys (by `kid`) that resource servers must refuse until
 * `expires_at`. `listed_at` is the feed's cursor (ADR 0006).
 */
export class CreateDenyList1764600100000 implements MigrationInterface {
  name = 'CreateDenyList1764600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE deny_list (
        kind varchar(8) NOT NULL CHECK (kind IN ('jti', 'kid')),
        value varchar(255) NOT NULL,
        expires_at timestamptz NOT NULL,
        listed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (kind, value)
      )`);
    await queryRunner.query(`CREATE INDEX deny_list_listed_at ON deny_list (listed_at)`);
    await queryRunner.query(`CREATE INDEX deny_list_expiry ON deny_list (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE deny_list`);
  }
}
