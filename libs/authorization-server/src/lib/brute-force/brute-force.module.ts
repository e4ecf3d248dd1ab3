import { Module } from '@nestjs/common';
import { ClientAuthenticationLimit } from './client-authentication.limit';
import { FailedAttemptStore } from './failed-attempt.store';
import { LoginLimit } from './login.limit';
import { SqlFailedAttemptStore } from './sql-failed-attempt.store';

/** Limits on failed client authentications and logins, counted in Postgres (docs/adr/0013). */
@Module({
  providers: [{ provide: FailedAttemptStore, useClass: SqlFailedAttemptStore }, ClientAuthenticationLimit, LoginLimit],
  exports: [ClientAuthenticationLimit, LoginLimit],
})
export class BruteForceModule {}
