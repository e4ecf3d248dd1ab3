import { Module } from '@nestjs/common';
import { ClientAuthModule } from '../client-auth/client-auth.module';
import { DenyListFeedController } from './deny-list-feed.controller';
import { DenyListRepository } from './deny-list.repository';

@Module({
  imports: [ClientAuthModule],
  controllers: [DenyListFeedController],
  providers: [DenyListRepository],
  exports: [DenyListRepository],
})
export class DenyListModule {}
