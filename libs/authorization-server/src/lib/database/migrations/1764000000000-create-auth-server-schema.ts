import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuthServerSchema1764000000000 implements MigrationInterface {
  name = 'CreateAuthServerSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE oauth_clients (
        client_id varchar(128) PRIMARY KEY,
        secret_hash varchar(60) NOT NULL,
        grant_types text[] NOT NULL,
        scope text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE signing_keys (
        kid varchar(64) PRIMARY KEY,
        alg varchar(16) NOT NULL,
        public_jwk jsonb NOT NULL,
        encrypted_private_jwk text NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('active', 'retired')),
        created_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    // At most one key signs at a time, even when several instances start together.
    await queryRunner.query(
      `CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (status) WHERE status = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash varchar(64) NOT NULL UNIQUE,
        family_id uuid NOT NULL,
        client_id varchar(128) NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
        subject varchar(255) NOT NULL,
        audience varchar(128) NOT NULL,
        scope text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_expiry ON refresh_tokens (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE refresh_tokens`);
    await queryRunner.query(`DROP TABLE signing_keys`);
    await queryRunner.query(`DROP TABLE oauth_clients`);
  }
}
