import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed client authentications and logins, counted per key (client_id, source address, username, username and
 * address) and shared by every instance, for the limits of docs/adr/0013-failed-authentication-limits.md. They replace
 * the per-username login lockout of ADR 0011 (login_failures), which let anyone lock a known account.
 */
export class FailedAuthenticationCounters1764810000000 implements MigrationInterface {
  name = 'FailedAuthenticationCounters1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE failed_authentication_counters (
        key varchar(300) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    // The purge finds rows whose window and block are long over.
    await queryRunner.query(
      `CREATE INDEX failed_authentication_counters_window ON failed_authentication_counters (window_started_at)`,
    );
    await queryRunner.query(`DROP TABLE login_failures`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_failures (
        username varchar(64) PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    await queryRunner.query(`DROP TABLE failed_authentication_counters`);
  }
}
