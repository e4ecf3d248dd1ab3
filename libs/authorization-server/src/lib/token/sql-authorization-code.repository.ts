import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuthorizationCodeRepository,
  type NewAuthorizationCode,
  type StoredAuthorizationCode,
} from './authorization-code.repository';

interface CodeRow {
  code_hash: string;
  client_id: string;
  user_id: string;
  redirect_uri: string;
  scope: string;
  audience: string;
  code_challenge: string;
  refresh_token_family_id: string;
  expires_at: Date;
  redeemed_at: Date | null;
}

@Injectable()
export class SqlAuthorizationCodeRepository extends AuthorizationCodeRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async create(code: NewAuthorizationCode): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO authorization_codes
         (code_hash, client_id, user_id, redirect_uri, scope, audience, code_challenge, refresh_token_family_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        code.codeHash,
        code.clientId,
        code.userId,
        code.redirectUri,
        code.scope,
        code.audience,
        code.codeChallenge,
        code.refreshTokenFamilyId,
        code.expiresAt,
      ],
    );
  }

  async findByHash(codeHash: string): Promise<StoredAuthorizationCode | null> {
    const rows: CodeRow[] = await this.dataSource.query(`SELECT * FROM authorization_codes WHERE code_hash = $1`, [
      codeHash,
    ]);
    if (rows.length !== 1) return null;
    const [row] = rows;
    return {
      codeHash: row.code_hash,
      clientId: row.client_id,
      userId: row.user_id,
      redirectUri: row.redirect_uri,
      scope: row.scope,
      audience: row.audience,
      codeChallenge: row.code_challenge,
      refreshTokenFamilyId: row.refresh_token_family_id,
      expiresAt: row.expires_at,
      redeemedAt: row.redeemed_at,
    };
  }

  async redeem(codeHash: string, refreshToken?: { tokenHash: string; expiresAt: Date }): Promise<boolean> {
    // One statement: a concurrent redemption waits on the row lock, then finds redeemed_at set and
    // updates nothing; by then the refresh token below is committed, so its family can be revoked.
    const redeemed: unknown[] = await this.dataSource.query(
      `WITH redeemed AS (
         UPDATE authorization_codes SET redeemed_at = now()
         WHERE code_hash = $1 AND redeemed_at IS NULL
         RETURNING refresh_token_family_id, client_id, user_id, audience, scope
       ), issued AS (
         INSERT INTO refresh_tokens (token_hash, family_id, client_id, subject, audience, scope, expires_at)
         SELECT $2, refresh_token_family_id, client_id, user_id::text, audience, scope, $3
         FROM redeemed WHERE $2::varchar IS NOT NULL
       )
       SELECT 1 FROM redeemed`,
      [codeHash, refreshToken?.tokenHash ?? null, refreshToken?.expiresAt ?? null],
    );
    return redeemed.length === 1;
  }
}
