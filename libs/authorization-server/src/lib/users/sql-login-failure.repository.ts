import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginFailureRepository } from './login-failure.repository';

@Injectable()
export class SqlLoginFailureRepository extends LoginFailureRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async lockedUntil(username: string): Promise<Date | null> {
    const rows: { locked_until: Date }[] = await this.dataSource.query(
      `SELECT locked_until FROM login_failures WHERE username = $1 AND locked_until > now()`,
      [username],
    );
    return rows.length === 1 ? rows[0].locked_until : null;
  }

  async recordFailure(
    username: string,
    policy: { maxFailures: number; windowSeconds: number; lockoutSeconds: number },
  ): Promise<void> {
    // One statement, so concurrent failures are all counted (the row lock serialises them).
    await this.dataSource.query(
      `INSERT INTO login_failures AS f (username, failures, window_started_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN $2 <= 1 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN f.window_started_at < now() - make_interval(secs => $3) THEN 1 ELSE f.failures + 1 END,
         window_started_at = CASE WHEN f.window_started_at < now() - make_interval(secs => $3)
                                  THEN now() ELSE f.window_started_at END,
         locked_until = CASE
           WHEN f.window_started_at >= now() - make_interval(secs => $3) AND f.failures + 1 >= $2
             THEN now() + make_interval(secs => $4)
           ELSE f.locked_until END`,
      [username, policy.maxFailures, policy.windowSeconds, policy.lockoutSeconds],
    );
  }

  async clear(username: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE username = $1`, [username]);
  }
}
