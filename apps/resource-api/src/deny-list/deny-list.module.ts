import { Module } from '@nestjs/common';
import { DenyListCache } from './deny-list.cache';
import { DenyListFeedClient } from './deny-list-feed.client';
import { DenyListPoller } from './deny-list.poller';

@Module({
  providers: [DenyListCache, DenyListFeedClient, DenyListPoller],
  exports: [DenyListCache],
})
export class DenyListModule {}
