/** A stored refresh token, as the refresh-token grant reads it. */
export interface StoredRefreshToken {
  id: string;
  familyId: string;
  clientId: string;
  subject: string;
  audience: string;
  scope: string;
  expiresAt: Date;
  createdAt: Date;
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
  /** The family's absolute end; a rotation never extends a token past it. */
  familyExpiresAt?: Date | null;
}

/** An access token issued with a refresh token of a family, until its expiry. */
export interface FamilyAccessToken {
  jti: string;
  expiresAt: Date;
}

/** Refresh tokens and their families. */
export abstract class RefreshTokenRepository {
  /** Stores the first token of a family and the access token issued with it, in one atomic step. */
  abstract create(token: NewRefreshToken, accessToken: FamilyAccessToken): Promise<void>;

  abstract findByHash(tokenHash: string): Promise<StoredRefreshToken | null>;

  /**
   * Marks the token rotated and stores its replacement (same family, subject, audience and scope)
   * in one atomic step. Returns false when the token was already rotated or revoked: of two
   * concurrent rotations, exactly one succeeds.
   */
  abstract rotate(id: string, replacement: { tokenHash: string; expiresAt: Date }): Promise<boolean>;

  /**
   * The common case in one atomic step: when the token of this hash is the client's and is neither rotated, revoked
   * nor expired, marks it rotated, stores its replacement and remembers the access token issued with it. Returns the
   * rotated token, or null when any of that does not hold; the caller then finds out which.
   */
  abstract rotateUsable(
    tokenHash: string,
    clientId: string,
    replacement: { tokenHash: string; expiresAt: Date },
    accessToken: FamilyAccessToken,
  ): Promise<StoredRefreshToken | null>;

  /** Revokes every token of the family that is not revoked yet. */
  abstract revokeFamily(familyId: string): Promise<void>;

  /**
   * Grace-window retry: revokes the unused child of `parentId` and stores a new child in its place, in
   * one atomic step. Returns false when there was no unused child (it was used, or another retry won).
   */
  abstract reissueChild(parentId: string, replacement: { tokenHash: string; expiresAt: Date }): Promise<boolean>;

  /** Remembers an access token issued together with the refresh token of this hash. */
  abstract recordAccessToken(refreshTokenHash: string, accessToken: FamilyAccessToken): Promise<void>;

  /** The access tokens of the family that have not expired yet. */
  abstract liveAccessTokens(familyId: string): Promise<FamilyAccessToken[]>;
}
