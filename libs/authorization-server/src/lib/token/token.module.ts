import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { DenyListModule } from '../deny-list/deny-list.module';
import { KeysModule } from '../keys/keys.module';
import { AuthorizationCodesModule } from './authorization-codes.module';
import { AuthorizationCodeGrant } from './grants/authorization-code.grant';
import { ClientCredentialsGrant } from './grants/client-credentials.grant';
import { GRANTS, type Grant } from './grants/grant';
import { RefreshTokenGrant } from './grants/refresh-token.grant';
import { RefreshTokenFamilyRevoker } from './refresh-token-family.revoker';
import { RefreshTokenRepository } from './refresh-token.repository';
import { ScopePolicy } from './scope-policy';
import { TokenController } from './token.controller';
import { TokenIssuer } from './token-issuer';
import { TypeOrmRefreshTokenRepository } from './typeorm-refresh-token.repository';

@Module({
  imports: [ClientAuthModule, KeysModule, AuthorizationCodesModule, DenyListModule],
  controllers: [TokenController],
  providers: [
    { provide: RefreshTokenRepository, useClass: TypeOrmRefreshTokenRepository },
    RefreshTokenFamilyRevoker,
    ScopePolicy,
    TokenIssuer,
    ClientCredentialsGrant,
    RefreshTokenGrant,
    AuthorizationCodeGrant,
    {
      provide: GRANTS,
      inject: [ClientCredentialsGrant, RefreshTokenGrant, AuthorizationCodeGrant],
      useFactory: (...grants: Grant[]) => grants,
    },
  ],
  exports: [RefreshTokenRepository, RefreshTokenFamilyRevoker],
})
export class TokenModule {}
