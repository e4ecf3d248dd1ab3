import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { PasswordLogin } from './password-login';
import { SqlUserRepository } from './sql-user.repository';
import { UserRepository } from './user.repository';

@Module({
  imports: [ClientAuthModule, BruteForceModule],
  providers: [{ provide: UserRepository, useClass: SqlUserRepository }, PasswordLogin],
  exports: [UserRepository, PasswordLogin],
})
export class UsersModule {}
