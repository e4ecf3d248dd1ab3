import { Injectable, Logger } from '@nestjs/common';
import { LoginLimit } from '../brute-force/login.limit';
import { SecretVerifier } from '../client-auth/secret-verifier';
import { UserRepository, type StoredUser } from './user.repository';

export type LoginResult =
  | { outcome: 'signed-in'; user: StoredUser }
  | { outcome: 'refused' }
  | { outcome: 'locked'; retryAfterSeconds: number };

/** Usernames are compared without regard to case or surrounding spaces. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

/**
 * Checks a username and password. A wrong password and an unknown username give the same result after the same
 * bcrypt work; failures are counted per username (known or not) and source address for the limits of ADR 0013.
 */
@Injectable()
export class PasswordLogin {
  private readonly logger = new Logger(PasswordLogin.name);

  constructor(
    private readonly users: UserRepository,
    private readonly limit: LoginLimit,
    private readonly secrets: SecretVerifier,
  ) {}

  async signIn(rawUsername: string, password: string, sourceAddress: string): Promise<LoginResult> {
    const username = normalizeUsername(rawUsername).slice(0, 64);
    // While blocked no password is checked, not even the right one: a guess must not be able to succeed.
    const retryAfterSeconds = await this.limit.blockedFor(username, sourceAddress);
    if (retryAfterSeconds !== null) return { outcome: 'locked', retryAfterSeconds };
    const user = username === '' ? null : await this.users.findByUsername(username);
    const valid = user
      ? await this.secrets.verify(password, user.passwordHash)
      : await this.secrets.spendAsMuchAsACheck(password);
    if (!user || !valid) {
      await this.limit.recordFailure(username, sourceAddress);
      this.logger.warn(`Failed login for username ${JSON.stringify(username)}`);
      return { outcome: 'refused' };
    }
    await this.limit.recordSuccess(username, sourceAddress);
    return { outcome: 'signed-in', user };
  }
}
