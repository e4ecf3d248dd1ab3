import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import { RefreshTokenRepository, type NewRefreshToken, type StoredRefreshToken } from './refresh-token.repository';

@Injectable()
export class TypeOrmRefreshTokenRepository extends RefreshTokenRepository {
  private readonly tokens: Repository<RefreshTokenEntity>;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.tokens = dataSource.getRepository(RefreshTokenEntity);
  }

  async create(token: NewRefreshToken): Promise<void> {
    await this.tokens.insert(token);
  }

  async findByHash(tokenHash: string): Promise<StoredRefreshToken | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  async rotate(id: string, replacement: { tokenHash: string; expiresAt: Date }): Promise<boolean> {
    // One statement: the row lock taken by the UPDATE makes a concurrent rotation wait and then
    // find rotated_at set, so it updates nothing and inserts nothing.
    const inserted: unknown[] = await this.dataSource.query(
      `WITH rotated AS (
         UPDATE refresh_tokens SET rotated_at = now()
         WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL
         RETURNING family_id, client_id, subject, audience, scope
       )
       INSERT INTO refresh_tokens (token_hash, family_id, client_id, subject, audience, scope, expires_at)
       SELECT $2, family_id, client_id, subject, audience, scope, $3 FROM rotated
       RETURNING id`,
      [id, replacement.tokenHash, replacement.expiresAt],
    );
    return inserted.length === 1;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
