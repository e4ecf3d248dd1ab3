import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * private_key_jwt (RFC 7523) and secret rotation: the assertion algorithm a client registered, the secret a rotation
 * replaced (valid until its expiry), and the replay store of client assertion `jti`s.
 */
export class ClientAssertionsAndSecretRotation1764500000000 implements MigrationInterface {
  name = 'ClientAssertionsAndSecretRotation1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN token_endpoint_auth_signing_alg varchar(16)`);
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN previous_secret_hash varchar(60)`);
    await queryRunner.query(`ALTER TABLE oauth_clients ADD COLUMN previous_secret_expires_at timestamptz`);
    // RFC 7523 §3: a jti may be used once; it is remembered until the assertion could no longer be accepted anyway.
    await queryRunner.query(`
      CREATE TABLE client_assertion_jtis (
        client_id varchar(128) NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
        jti varchar(256) NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, jti)
      )`);
    await queryRunner.query(`CREATE INDEX client_assertion_jtis_expiry ON client_assertion_jtis (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE client_assertion_jtis`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN previous_secret_expires_at`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN previous_secret_hash`);
    await queryRunner.query(`ALTER TABLE oauth_clients DROP COLUMN token_endpoint_auth_signing_alg`);
  }
}
