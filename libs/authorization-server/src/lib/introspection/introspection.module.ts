import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { DenyListModule } from '../deny-list/deny-list.module';
import { KeysModule } from '../keys/keys.module';
import { TokenModule } from '../token/token.module';
import { IntrospectionController } from './introspection.controller';
import { IssuedTokenReader } from './issued-token.reader';

@Module({
  imports: [ClientAuthModule, KeysModule, DenyListModule, TokenModule],
  controllers: [IntrospectionController],
  providers: [IssuedTokenReader],
  exports: [IssuedTokenReader],
})
export class IntrospectionModule {}
