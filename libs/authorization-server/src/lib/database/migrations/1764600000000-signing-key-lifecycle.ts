import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing keys get the states of their lifecycle (next → active → retired → gone, or revoked) and the
 * moment a key starts signing, so every instance switches keys at the same time without a restart.
 */
export class SigningKeyLifecycle1764600000000 implements MigrationInterface {
  name = 'SigningKeyLifecycle1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signing_keys DROP CONSTRAINT IF EXISTS signing_keys_status_check`);
    await queryRunner.query(
      `ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_status_check
         CHECK (status IN ('next', 'active', 'retired', 'gone', 'revoked'))`,
    );
    await queryRunner.query(`ALTER TABLE signing_keys ADD COLUMN activates_at timestamptz`);
    await queryRunner.query(`UPDATE signing_keys SET activates_at = created_at`);
    await queryRunner.query(`ALTER TABLE signing_keys ALTER COLUMN activates_at SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE signing_keys ADD COLUMN revoked_at timestamptz`);
    // At most one key waits to sign next.
    await queryRunner.query(`CREATE UNIQUE INDEX signing_keys_one_next ON signing_keys (status) WHERE status = 'next'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX signing_keys_one_next`);
    await queryRunner.query(`DELETE FROM signing_keys WHERE status NOT IN ('active', 'retired')`);
    await queryRunner.query(`ALTER TABLE signing_keys DROP COLUMN revoked_at`);
    await queryRunner.query(`ALTER TABLE signing_keys DROP COLUMN activates_at`);
    await queryRunner.query(`ALTER TABLE signing_keys DROP CONSTRAINT signing_keys_status_check`);
    await queryRunner.query(
      `ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_status_check CHECK (status IN ('active', 'retired'))`,
    );
  }
}
