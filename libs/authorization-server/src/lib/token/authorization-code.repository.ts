/** An authorization code as stored: only the SHA-256 of the code, and everything it is bound to. */
export interface StoredAuthorizationCode {
  codeHash: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  audience: string;
  /** RFC 7636 §4.2: the S256 code challenge. */
  codeChallenge: string;
  /** The family the refresh token issued from this code starts, so a replay can revoke it. */
  refreshTokenFamilyId: string;
  expiresAt: Date;
  redeemedAt: Date | null;
}

export type NewAuthorizationCode = Omit<StoredAuthorizationCode, 'redeemedAt'>;

/** Authorization codes (RFC 6749 §4.1.2). */
export abstract class AuthorizationCodeRepository {
  abstract create(code: NewAuthorizationCode): Promise<void>;

  abstract findByHash(codeHash: string): Promise<StoredAuthorizationCode | null>;

  /**
   * Marks the code redeemed and, when `refreshToken` is given, stores the first refresh token of the code's
   * family, in one atomic step. Returns false when the code was already redeemed: of two concurrent
   * redemptions exactly one succeeds, and the refresh token exists as soon as the code counts as redeemed.
   */
  abstract redeem(codeHash: string, refreshToken?: { tokenHash: string; expiresAt: Date }): Promise<boolean>;
}
