import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refresh-token families get an absolute lifetime and a parent link per token, and remember the access
 * tokens issued with them, so revoking a family can deny-list its live access tokens (RFC 7009 §2.1).
 */
export class RefreshTokenFamilies1764600200000 implements MigrationInterface {
  name = 'RefreshTokenFamilies1764600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE refresh_tokens ADD COLUMN family_expires_at timestamptz`);
    await queryRunner.query(`ALTER TABLE refresh_tokens ADD COLUMN parent_id uuid`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_parent ON refresh_tokens (parent_id)`);
    await queryRunner.query(`
      CREATE TABLE refresh_family_access_tokens (
        jti varchar(64) PRIMARY KEY,
        family_id uuid NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX refresh_family_access_tokens_family ON refresh_family_access_tokens (family_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX refresh_family_access_tokens_expiry ON refresh_family_access_tokens (expires_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE refresh_family_access_tokens`);
    await queryRunner.query(`DROP INDEX refresh_tokens_parent`);
    await queryRunner.query(`ALTER TABLE refresh_tokens DROP COLUMN parent_id`);
    await queryRunner.query(`ALTER TABLE refresh_tokens DROP COLUMN family_expires_at`);
  }
}
