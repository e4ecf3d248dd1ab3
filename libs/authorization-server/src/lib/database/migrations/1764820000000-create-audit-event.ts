import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security-relevant events (ADR 0013): one row each, never changed or removed. A trigger refuses UPDATE,
 * DELETE and TRUNCATE for every role, the application's included; the purge job has no entry for this table.
 * Strings are `text` so that no value can make a batch of events fail to insert.
 */
export class CreateAuditEvent1764820000000 implements MigrationInterface {
  name = 'CreateAuditEvent1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        type text NOT NULL,
        outcome text NOT NULL,
        client_id text,
        subject text,
        request_id text,
        source_address text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_occurred_at ON audit_event (occurred_at)`);
    await queryRunner.query(`CREATE INDEX audit_event_client_id ON audit_event (client_id, occurred_at)`);
    await queryRunner.query(`
      CREATE FUNCTION reject_audit_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION reject_audit_event_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION reject_audit_event_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION reject_audit_event_change()`);
  }
}
