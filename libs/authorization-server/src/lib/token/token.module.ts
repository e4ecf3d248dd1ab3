import { Module } from '@nestjs/common';
import { DenyListModule } from '../deny-list/deny-list.module';
import { KeysModule } from '../keys/keys.module';
import { AuthorizationCodesModule } from './authorization-codes.module';
import { AuthorizationCodeGrant } from './grants/authorization-code.grant';
import { ClientCredentialsGrant } from './grants/client-credentials.grant';
import { RefreshTokenGrant } from './grants/refresh-token.grant';
import { RefreshTokenFamilyRevoker } from './refresh-token-family.revoker';
import { RefreshTokenRepository } from './refresh-token.repository';
import { TokenIssuer } from './token-issuer';
import { TypeOrmRefreshTokenRepository } from './typeorm-refresh-token.repository';

/** Issuing tokens: the token issuer, refresh-token families and the built-in grants. The endpoint is TokenEndpointModule. */
@Module({
  imports: [KeysModule, AuthorizationCodesModule, DenyListModule],
  providers: [
    { provide: RefreshTokenRepository, useClass: TypeOrmRefreshTokenRepository },
    RefreshTokenFamilyRevoker,
    TokenIssuer,
    ClientCredentialsGrant,
    RefreshTokenGrant,
    AuthorizationCodeGrant,
  ],
  exports: [
    RefreshTokenRepository,
    RefreshTokenFamilyRevoker,
    TokenIssuer,
    ClientCredentialsGrant,
    RefreshTokenGrant,
    AuthorizationCodeGrant,
  ],
})
export class TokenModule {}
