import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserRepository, type StoredUser } from './user.repository';

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
}

const toUser = (row: UserRow): StoredUser => ({ id: row.id, username: row.username, passwordHash: row.password_hash });

@Injectable()
export class SqlUserRepository extends UserRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async findByUsername(username: string): Promise<StoredUser | null> {
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, username, password_hash FROM users WHERE username = $1`,
      [username],
    );
    return rows.length === 1 ? toUser(rows[0]) : null;
  }

  async savePassword(username: string, passwordHash: string): Promise<StoredUser> {
    const rows: UserRow[] = await this.dataSource.query(
      `INSERT INTO users (username, password_hash) VALUES ($1, $2)
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash
       RETURNING id, username, password_hash`,
      [username, passwordHash],
    );
    return toUser(rows[0]);
  }
}
