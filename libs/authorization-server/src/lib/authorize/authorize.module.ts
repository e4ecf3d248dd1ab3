import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { AuthorizationCodesModule } from '../token/authorization-codes.module';
import { UsersModule } from '../users/users.module';
import { AuthorizationFlow } from './authorization-flow';
import { AuthorizationRequestValidator } from './authorization-request.validator';
import { AuthorizeController } from './authorize.controller';
import { ConsentRepository } from './consent.repository';
import { ConsentsController } from './consents.controller';
import { SqlConsentRepository } from './sql-consent.repository';

@Module({
  imports: [SessionsModule, UsersModule, AuthorizationCodesModule],
  controllers: [AuthorizeController, ConsentsController],
  providers: [
    { provide: ConsentRepository, useClass: SqlConsentRepository },
    AuthorizationRequestValidator,
    AuthorizationFlow,
  ],
})
export class AuthorizeModule {}
