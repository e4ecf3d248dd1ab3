import type { MigrationInterface, QueryRunner } from 'typeorm';

/** RFC 7591 client metadata: name, authentication method, redirect URIs and keys; secrets become optional. */
export class ExtendClientRegistry1764000100000 implements MigrationInterface {
  name = 'ExtendClientRegistry1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE oauth_clients ALTER COLUMN secret_hash DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN client_name varchar(200)`);
    await queryRunner.query(
      `ALTER TABLE oauth_clients ADD COLUMN token_endpoint_auth_method varchar(32) NOT NULL DEFAULT 'client_secret_basic'`,
    );
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN redirect_uris text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN jwks jsonb`);
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN jwks_uri text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN jwks_uri`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN jwks`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN redirect_uris`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN token_endpoint_auth_method`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN client_name`);
    await queryRunner.query(`ALTER TABLE oauth_clients ALTER COLUMN secret_hash SET NOT NULL`);
  }
}
