/** Failed logins per username, for the brute-force limit. */
export abstract class LoginFailureRepository {
  /** When the username is locked out until, or null when it may try. */
  abstract lockedUntil(username: string): Promise<Date | null>;

  /**
   * Counts one failure in the current window (a new window starts when the last one is over) and locks
   * the username for `lockoutSeconds` once `maxFailures` is reached.
   */
  abstract recordFailure(
    username: string,
    policy: { maxFailures: number; windowSeconds: number; lockoutSeconds: number },
  ): Promise<void>;

  abstract clear(username: string): Promise<void>;
}
