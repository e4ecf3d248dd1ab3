import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConsentRepository } from './consent.repository';

@Injectable()
export class SqlConsentRepository extends ConsentRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async covers(userId: string, clientId: string, scopes: readonly string[]): Promise<boolean> {
    const rows: { granted: string }[] = await this.dataSource.query(
      `SELECT count(*) AS granted FROM consents WHERE user_id = $1 AND client_id = $2 AND scope = ANY($3::varchar[])`,
      [userId, clientId, [...scopes]],
    );
    return Number(rows[0].granted) === scopes.length;
  }

  async grant(userId: string, clientId: string, scopes: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO consents (user_id, client_id, scope) SELECT $1, $2, unnest($3::varchar[]) ON CONFLICT DO NOTHING`,
      [userId, clientId, [...scopes]],
    );
  }

  async listForUser(userId: string): Promise<{ clientId: string; scopes: string[] }[]> {
    const rows: { client_id: string; scopes: string[] }[] = await this.dataSource.query(
      `SELECT client_id, array_agg(scope ORDER BY scope) AS scopes FROM consents WHERE user_id = $1
       GROUP BY client_id ORDER BY client_id`,
      [userId],
    );
    return rows.map((row) => ({ clientId: row.client_id, scopes: row.scopes }));
  }

  async revoke(userId: string, clientId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM consents WHERE user_id = $1 AND client_id = $2`, [userId, clientId]);
      await manager.query(
        `UPDATE refresh_tokens SET revoked_at = now() WHERE subject = $1 AND client_id = $2 AND revoked_at IS NULL`,
        [userId, clientId],
      );
    });
  }
}
