import { Module } from '@nestjs/common';
import { DenyListCache } from './deny-list.cache';
import { DenyListCredentials } from './deny-list-credentials';
import { DenyListFeedClient } from './deny-list-feed.client';
import { DenyListPoller } from './deny-list.poller';

@Module({
  providers: [DenyListCredentials, DenyListCache, DenyListFeedClient, DenyListPoller],
  exports: [DenyListCache],
})
export class DenyListModule {}
