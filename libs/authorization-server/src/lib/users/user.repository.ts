/** A resource owner (RFC 6749 §1.1) who signs in at the authorization server. */
export interface StoredUser {
  id: string;
  username: string;
  passwordHash: string;
}

/** Users, as login and the demo seeder see them. */
export abstract class UserRepository {
  abstract findByUsername(username: string): Promise<StoredUser | null>;

  /** Creates the user or replaces their password hash; returns the stored user. */
  abstract savePassword(username: string, passwordHash: string): Promise<StoredUser>;
}
