import { Injectable, Logger } from '@nestjs/common';
import { SecretVerifier } from '../client-auth/secret-verifier';
import { LoginFailureRepository } from './login-failure.repository';
import { UserRepository, type StoredUser } from './user.repository';

/** Five wrong passwords within fifteen minutes lock the username for fifteen minutes. */
export const LOGIN_FAILURE_POLICY = { maxFailures: 5, windowSeconds: 900, lockoutSeconds: 900 } as const;

export type LoginResult = { outcome: 'signed-in'; user: StoredUser } | { outcome: 'refused' } | { outcome: 'locked' };

/** Usernames are compared without regard to case or surrounding spaces. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

/**
 * Checks a username and password. A wrong password and an unknown username give the same result
 * after the same bcrypt work; failures are counted per username, known or not, for the lockout.
 */
@Injectable()
export class PasswordLogin {
  private readonly logger = new Logger(PasswordLogin.name);

  constructor(
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly secrets: SecretVerifier,
  ) {}

  async signIn(rawUsername: string, password: string): Promise<LoginResult> {
    const username = normalizeUsername(rawUsername).slice(0, 64);
    if (await this.failures.lockedUntil(username)) return { outcome: 'locked' };
    const user = username === '' ? null : await this.users.findByUsername(username);
    const valid = user
      ? await this.secrets.verify(password, user.passwordHash)
      : await this.secrets.spendAsMuchAsACheck(password);
    if (!user || !valid) {
      await this.failures.recordFailure(username, LOGIN_FAILURE_POLICY);
      this.logger.warn(`Failed login for username ${JSON.stringify(username)}`);
      return { outcome: 'refused' };
    }
    await this.failures.clear(username);
    return { outcome: 'signed-in', user };
  }
}
