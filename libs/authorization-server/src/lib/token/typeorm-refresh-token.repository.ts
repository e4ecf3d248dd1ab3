import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import {
  RefreshTokenRepository,
  type FamilyAccessToken,
  type NewRefreshToken,
  type StoredRefreshToken,
} from './refresh-token.repository';

@Injectable()
export class TypeOrmRefreshTokenRepository extends RefreshTokenRepository {
  private readonly tokens: Repository<RefreshTokenEntity>;

  constructor(private readonly dataSource: DataSource) {
    super();
    this.tokens = dataSource.getRepository(RefreshTokenEntity);
  }

  async create(token: NewRefreshToken, accessToken: FamilyAccessToken): Promise<void> {
    await this.dataSource.query(
      `WITH family AS (
         INSERT INTO refresh_tokens
           (token_hash, family_id, client_id, subject, audience, scope, expires_at, family_expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING family_id
       )
       INSERT INTO refresh_family_access_tokens (jti, family_id, expires_at) SELECT $9, family_id, $10 FROM family`,
      [
        token.tokenHash,
        token.familyId,
        token.clientId,
        token.subject,
        token.audience,
        token.scope,
        token.expiresAt,
        token.familyExpiresAt ?? null,
        accessToken.jti,
        accessToken.expiresAt,
      ],
    );
  }

  async findByHash(tokenHash: string): Promise<StoredRefreshToken | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  async rotate(id: string, replacement: { tokenHash: string; expiresAt: Date }): Promise<boolean> {
    // One statement: the row lock taken by the UPDATE makes a concurrent rotation wait and then
    // find rotated_at set, so it updates nothing and inserts nothing. LEAST ignores a null family end.
    const inserted: unknown[] = await this.dataSource.query(
      `WITH rotated AS (
         UPDATE refresh_tokens SET rotated_at = now()
         WHERE id = $1 AND rotated_at IS NULL AND revoked_at IS NULL
         RETURNING id, family_id, client_id, subject, audience, scope, family_expires_at
       )
       INSERT INTO refresh_tokens
         (token_hash, family_id, client_id, subject, audience, scope, expires_at, family_expires_at, parent_id)
       SELECT $2, family_id, client_id, subject, audience, scope, LEAST($3, family_expires_at), family_expires_at, id
       FROM rotated
       RETURNING id`,
      [id, replacement.tokenHash, replacement.expiresAt],
    );
    return inserted.length === 1;
  }

  async rotateUsable(
    tokenHash: string,
    clientId: string,
    replacement: { tokenHash: string; expiresAt: Date },
    accessToken: FamilyAccessToken,
  ): Promise<StoredRefreshToken | null> {
    // One statement, so one commit: the hot path of the refresh_token grant. Data-modifying CTEs run once
    // whether or not the final SELECT reads them; a concurrent rotation waits on the row lock and then finds
    // rotated_at set, so it changes nothing.
    const rows: RotatedRow[] = await this.dataSource.query(
      `WITH rotated AS (
         UPDATE refresh_tokens SET rotated_at = now()
         WHERE token_hash = $1 AND client_id = $2 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
         RETURNING id, family_id, client_id, subject, audience, scope, expires_at, created_at, rotated_at,
                   family_expires_at
       ), child AS (
         INSERT INTO refresh_tokens
           (token_hash, family_id, client_id, subject, audience, scope, expires_at, family_expires_at, parent_id)
         SELECT $3, family_id, client_id, subject, audience, scope, LEAST($4, family_expires_at), family_expires_at, id
         FROM rotated
       ), issued AS (
         INSERT INTO refresh_family_access_tokens (jti, family_id, expires_at) SELECT $5, family_id, $6 FROM rotated
       )
       SELECT id, family_id, client_id, subject, audience, scope, expires_at, created_at, rotated_at FROM rotated`,
      [tokenHash, clientId, replacement.tokenHash, replacement.expiresAt, accessToken.jti, accessToken.expiresAt],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      familyId: row.family_id,
      clientId: row.client_id,
      subject: row.subject,
      audience: row.audience,
      scope: row.scope,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
      rotatedAt: row.rotated_at,
      revokedAt: null,
    };
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async reissueChild(parentId: string, replacement: { tokenHash: string; expiresAt: Date }): Promise<boolean> {
    const inserted: unknown[] = await this.dataSource.query(
      `WITH lost AS (
         UPDATE refresh_tokens SET revoked_at = now()
         WHERE parent_id = $1 AND rotated_at IS NULL AND revoked_at IS NULL
         RETURNING family_id, client_id, subject, audience, scope, family_expires_at
       )
       INSERT INTO refresh_tokens
         (token_hash, family_id, client_id, subject, audience, scope, expires_at, family_expires_at, parent_id)
       SELECT $2, family_id, client_id, subject, audience, scope, LEAST($3, family_expires_at), family_expires_at, $1
       FROM lost
       RETURNING id`,
      [parentId, replacement.tokenHash, replacement.expiresAt],
    );
    return inserted.length === 1;
  }

  async recordAccessToken(refreshTokenHash: string, accessToken: FamilyAccessToken): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO refresh_family_access_tokens (jti, family_id, expires_at)
       SELECT $1, family_id, $3 FROM refresh_tokens WHERE token_hash = $2`,
      [accessToken.jti, refreshTokenHash, accessToken.expiresAt],
    );
  }

  async liveAccessTokens(familyId: string): Promise<FamilyAccessToken[]> {
    const rows: { jti: string; expires_at: Date }[] = await this.dataSource.query(
      `SELECT jti, expires_at FROM refresh_family_access_tokens WHERE family_id = $1 AND expires_at > now()`,
      [familyId],
    );
    return rows.map((row) => ({ jti: row.jti, expiresAt: row.expires_at }));
  }
}

interface RotatedRow {
  id: string;
  family_id: string;
  client_id: string;
  subject: string;
  audience: string;
  scope: string;
  expires_at: Date;
  created_at: Date;
  rotated_at: Date;
}
