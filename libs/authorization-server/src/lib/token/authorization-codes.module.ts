import { Module } from '@nestjs/common';
import { AuthorizationCodeIssuer } from './authorization-code.issuer';
import { AuthorizationCodeRepository } from './authorization-code.repository';
import { SqlAuthorizationCodeRepository } from './sql-authorization-code.repository';

/** Authorization codes: written by the authorization endpoint, redeemed by the token endpoint. */
@Module({
  providers: [
    { provide: AuthorizationCodeRepository, useClass: SqlAuthorizationCodeRepository },
    AuthorizationCodeIssuer,
  ],
  exports: [AuthorizationCodeRepository, AuthorizationCodeIssuer],
})
export class AuthorizationCodesModule {}
