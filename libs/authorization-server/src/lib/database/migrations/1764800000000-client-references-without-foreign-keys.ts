import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables that hold rows per client_id, and the foreign keys to oauth_clients they had. */
const CLIENT_ROWS = [
  { table: 'refresh_tokens', constraint: 'refresh_tokens_client_id_fkey' },
  { table: 'authorization_codes', constraint: 'authorization_codes_client_id_fkey' },
  { table: 'consents', constraint: 'consents_client_id_fkey' },
  { table: 'client_assertion_jtis', constraint: 'client_assertion_jtis_client_id_fkey' },
];

/**
 * Clients may live outside oauth_clients (an app's own ClientRegistry, docs/adr/0012), so refresh tokens, codes,
 * consents and assertion jtis can no longer reference that table. Deleting a row of oauth_clients still deletes the
 * client's rows, now by a trigger instead of ON DELETE CASCADE, whatever code path deletes it.
 */
export class ClientReferencesWithoutForeignKeys1764800000000 implements MigrationInterface {
  name = 'ClientReferencesWithoutForeignKeys1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, constraint } of CLIENT_ROWS) {
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${constraint}`);
    }
    await queryRunner.query(`
      CREATE FUNCTION delete_oauth_client_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${CLIENT_ROWS.map(({ table }) => `DELETE FROM ${table} WHERE client_id = OLD.client_id;`).join('\n        ')}
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER oauth_clients_delete_rows AFTER DELETE ON oauth_clients
      FOR EACH ROW EXECUTE FUNCTION delete_oauth_client_rows()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER oauth_clients_delete_rows ON oauth_clients`);
    await queryRunner.query(`DROP FUNCTION delete_oauth_client_rows()`);
    // Rows of clients that are not in oauth_clients (an app's own registry) cannot keep a foreign key.
    for (const { table, constraint } of CLIENT_ROWS) {
      await queryRunner.query(`DELETE FROM ${table} WHERE client_id NOT IN (SELECT client_id FROM oauth_clients)`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${constraint} FOREIGN KEY (client_id) ` +
          `REFERENCES oauth_clients (client_id) ON DELETE CASCADE`,
      );
    }
  }
}
