import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Resource owners, their login sessions and failed logins, consents, and authorization codes (RFC 6749 §4.1). */
export class CreateAuthorizationCodeFlow1764400000000 implements MigrationInterface {
  name = 'CreateAuthorizationCodeFlow1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        password_hash varchar(60) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Counted per username, known or not, so the lockout tells nothing about which usernames exist.
    await queryRunner.query(`
      CREATE TABLE login_failures (
        username varchar(64) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash varchar(64) NOT NULL UNIQUE,
        csrf_token varchar(64) NOT NULL,
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX sessions_expiry ON sessions (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE consents (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        client_id varchar(128) NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
        scope varchar(255) NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, client_id, scope)
      )`);
    await queryRunner.query(`
      CREATE TABLE authorization_codes (
        code_hash varchar(64) PRIMARY KEY,
        client_id varchar(128) NOT NULL REFERENCES oauth_clients (client_id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        redirect_uri text NOT NULL,
        scope text NOT NULL,
        audience varchar(128) NOT NULL,
        code_challenge varchar(128) NOT NULL,
        refresh_token_family_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        redeemed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX authorization_codes_expiry ON authorization_codes (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE authorization_codes`);
    await queryRunner.query(`DROP TABLE consents`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE login_failures`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
