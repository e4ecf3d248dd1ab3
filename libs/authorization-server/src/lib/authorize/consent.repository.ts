/** Consents a person gave, remembered per user, client and scope. */
export abstract class ConsentRepository {
  /** True when the user has allowed the client every one of `scopes`. */
  abstract covers(userId: string, clientId: string, scopes: readonly string[]): Promise<boolean>;

  abstract grant(userId: string, clientId: string, scopes: readonly string[]): Promise<void>;

  /** The user's consents, grouped by client. */
  abstract listForUser(userId: string): Promise<{ clientId: string; scopes: string[] }[]>;

  /**
   * Forgets every consent of the user for the client and revokes the refresh tokens the client holds
   * for the user, in one transaction: the client must ask again.
   */
  abstract revoke(userId: string, clientId: string): Promise<void>;
}
