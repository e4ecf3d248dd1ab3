import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SessionRepository, type NewSession, type StoredSession } from './session.repository';

interface SessionRow {
  id: string;
  csrf_token: string;
  user_id: string | null;
  expires_at: Date;
}

@Injectable()
export class SqlSessionRepository extends SessionRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async create(session: NewSession): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO sessions (token_hash, csrf_token, user_id, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [session.tokenHash, session.csrfToken, session.userId, session.expiresAt],
    );
    return rows[0].id;
  }

  async findByTokenHash(tokenHash: string): Promise<StoredSession | null> {
    const rows: SessionRow[] = await this.dataSource.query(
      `SELECT id, csrf_token, user_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > now()`,
      [tokenHash],
    );
    if (rows.length !== 1) return null;
    const [row] = rows;
    return { id: row.id, csrfToken: row.csrf_token, userId: row.user_id, expiresAt: row.expires_at };
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM sessions WHERE id = $1`, [id]);
  }
}
