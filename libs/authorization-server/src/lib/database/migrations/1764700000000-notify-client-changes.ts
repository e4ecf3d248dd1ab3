import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change to oauth_clients, whatever code path makes it, notifies the channel `oauth_clients_changed` with the
 * client_id (an empty payload after TRUNCATE: forget everything), so every instance drops its cached copy.
 * Notifications are sent at commit, and not at all on rollback. See docs/adr/0004-client-registry-cache.md.
 */
export class NotifyClientChanges1764700000000 implements MigrationInterface {
  name = 'NotifyClientChanges1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_oauth_client_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('oauth_clients_changed', '');
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM pg_notify('oauth_clients_changed', OLD.client_id);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM pg_notify('oauth_clients_changed', NEW.client_id);
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER oauth_clients_notify_change AFTER INSERT OR UPDATE OR DELETE ON oauth_clients
      FOR EACH ROW EXECUTE FUNCTION notify_oauth_client_change()`);
    await queryRunner.query(`
      CREATE TRIGGER oauth_clients_notify_truncate AFTER TRUNCATE ON oauth_clients
      FOR EACH STATEMENT EXECUTE FUNCTION notify_oauth_client_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER oauth_clients_notify_truncate ON oauth_clients`);
    await queryRunner.query(`DROP TRIGGER oauth_clients_notify_change ON oauth_clients`);
    await queryRunner.query(`DROP FUNCTION notify_oauth_client_change()`);
  }
}
