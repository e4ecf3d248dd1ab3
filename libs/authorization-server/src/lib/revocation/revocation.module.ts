import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { DenyListModule } from '../deny-list/deny-list.module';
import { IntrospectionModule } from '../introspection/introspection.module';
import { TokenModule } from '../token/token.module';
import { RevocationController } from './revocation.controller';

@Module({
  imports: [ClientAuthModule, DenyListModule, IntrospectionModule, TokenModule],
  controllers: [RevocationController],
})
export class RevocationModule {}
