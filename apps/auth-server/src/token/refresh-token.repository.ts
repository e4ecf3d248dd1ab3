/** A stored refresh token, as the refresh-token grant reads it. */
export interface StoredRefreshToken {
  id: string;
  familyId: string;
  clientId: string;
  subject: string;
  audience: string;
  scope: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/** A refresh token to store: only the hash of its value is kept. */
export interface NewRefreshToken {
  tokenHash: string;
  familyId: string;
  clientId: string;
  subject: string;
  audience: string;
  scope: string;
  expiresAt: Date;
}

/** Refresh tokens and their families. */
export abstract class RefreshTokenRepository {
  abstract create(token: NewRefreshToken): Promise<void>;

  abstract findByHash(tokenHash: string): Promise<StoredRefreshToken | null>;

  /**
   * Marks the token rotated and stores its replacement (same family, subject, audience and scope)
   * in one atomic step. Returns false when the token was already rotated or revoked: of two
   * concurrent rotations, exactly one succeeds.
   */
  abstract rotate(id: string, replacement: { tokenHash: string; expiresAt: Date }): Promise<boolean>;

  /** Revokes every token of the family that is not revoked yet. */
  abstract revokeFamily(familyId: string): Promise<void>;
}
