/** A counter key and how many failures it may collect in one window before it is blocked. */
export interface CountedKey {
  key: string;
  maxFailures: number;
}

/** How long failures are counted, and how long a key stays blocked once it reached its limit. */
export interface FailurePolicy {
  windowSeconds: number;
  blockSeconds: number;
}

/**
 * Failed authentications counted per key, shared by every instance (docs/adr/0013). Only failures are recorded:
 * a busy client that authenticates correctly never adds to a counter.
 */
export abstract class FailedAttemptStore {
  /** Seconds until every one of these keys may try again, or null when none of them is blocked. */
  abstract blockedFor(keys: string[]): Promise<number | null>;

  /**
   * Counts one failure against each key (a new window starts when the last one is over, or when a block has ended)
   * and blocks a key for `blockSeconds` once its failures reach `maxFailures`. Returns the keys this failure blocked.
   */
  abstract recordFailure(keys: CountedKey[], policy: FailurePolicy): Promise<string[]>;

  /** Forgets the keys' failures (a successful login). */
  abstract clear(keys: string[]): Promise<void>;
}
