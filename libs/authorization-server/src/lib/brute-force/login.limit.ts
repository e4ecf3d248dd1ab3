import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { addressKey, usernameAddressKey, usernameKey } from './failed-attempt-keys';
import { FailedAttemptStore, type CountedKey, type FailurePolicy } from './failed-attempt.store';

/**
 * Failed logins per (username, source address), per username and per source address (docs/adr/0013). Guessing one
 * account's password from one address stops after a few tries without locking its owner out from elsewhere; the
 * per-username limit (NIST SP 800-63B §5.2.2) bounds a guess spread over many addresses; the per-address one (shared
 * with client authentication) bounds spraying over many usernames.
 */
@Injectable()
export class LoginLimit {
  private readonly logger = new Logger(LoginLimit.name);
  private readonly policy: FailurePolicy;

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly store: FailedAttemptStore,
  ) {
    this.policy = config.bruteForce;
  }

  /** Seconds until this username may be tried from this address again, or null when it may be now. */
  blockedFor(username: string, sourceAddress: string): Promise<number | null> {
    return this.store.blockedFor(this.keys(username, sourceAddress).map((counted) => counted.key));
  }

  async recordFailure(username: string, sourceAddress: string): Promise<void> {
    const blocked = await this.store.recordFailure(this.keys(username, sourceAddress), this.policy);
    for (const key of blocked) {
      this.logger.warn(`Too many failed logins for ${key}: blocked for ${this.policy.blockSeconds} s`);
    }
  }

  /** The owner got in: their username's counts start over (the address's count stays, it may spray other names). */
  async recordSuccess(username: string, sourceAddress: string): Promise<void> {
    await this.store.clear([usernameAddressKey(username, sourceAddress), usernameKey(username)]);
  }

  private keys(username: string, sourceAddress: string): CountedKey[] {
    const { perUsernameAndAddress, perUsername, perAddress } = this.config.bruteForce.maxFailures;
    return [
      { key: usernameAddressKey(username, sourceAddress), maxFailures: perUsernameAndAddress },
      { key: usernameKey(username), maxFailures: perUsername },
      { key: addressKey(sourceAddress), maxFailures: perAddress },
    ];
  }
}
