import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { addressKey, clientKey } from './failed-attempt-keys';
import { FailedAttemptStore, type CountedKey, type FailurePolicy } from './failed-attempt.store';
import { tooManyFailedAttempts } from './too-many-failures';

/** Who tries to authenticate: the client_id presented (registered or not) and the source address. */
export interface ClientAttempt {
  clientId: string;
  sourceAddress: string;
}

/**
 * Failed client authentications per client_id and per source address (docs/adr/0013): one client's attacker blocks
 * only that client_id, and an address spraying guesses across many client_ids is blocked as a whole.
 */
@Injectable()
export class ClientAuthenticationLimit {
  private readonly logger = new Logger(ClientAuthenticationLimit.name);
  private readonly policy: FailurePolicy;

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly store: FailedAttemptStore,
  ) {
    this.policy = config.bruteForce;
  }

  /** Throws 429 slow_down with Retry-After while the client_id or the address is blocked. */
  async assertMayTry(attempt: ClientAttempt): Promise<void> {
    const retryAfter = await this.store.blockedFor(this.keys(attempt).map((counted) => counted.key));
    if (retryAfter !== null) throw tooManyFailedAttempts(retryAfter);
  }

  async recordFailure(attempt: ClientAttempt): Promise<void> {
    const blocked = await this.store.recordFailure(this.keys(attempt), this.policy);
    for (const key of blocked) {
      this.logger.warn(`Too many failed client authentications for ${key}: blocked for ${this.policy.blockSeconds} s`);
    }
  }

  private keys(attempt: ClientAttempt): CountedKey[] {
    const { perClient, perAddress } = this.config.bruteForce.maxFailures;
    return [
      { key: clientKey(attempt.clientId), maxFailures: perClient },
      { key: addressKey(attempt.sourceAddress), maxFailures: perAddress },
    ];
  }
}
