import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { LoginFailureRepository } from './login-failure.repository';
import { PasswordLogin } from './password-login';
import { SqlLoginFailureRepository } from './sql-login-failure.repository';
import { SqlUserRepository } from './sql-user.repository';
import { UserRepository } from './user.repository';

@Module({
  imports: [ClientAuthModule],
  providers: [
    { provide: UserRepository, useClass: SqlUserRepository },
    { provide: LoginFailureRepository, useClass: SqlLoginFailureRepository },
    PasswordLogin,
  ],
  exports: [UserRepository, PasswordLogin],
})
export class UsersModule {}
