import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ResourceApiConfig } from '@oauth/config';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import { DenyListCache } from './deny-list.cache';
import { DenyListFeedClient } from './deny-list-feed.client';

/**
 * Pulls the deny-list changes since its cursor every DENY_LIST_POLL_INTERVAL seconds, so a token
 * revoked anywhere is refused here within about one interval (ADR 0006). A failed pull keeps the
 * list as it is; the cache turns stale once pulls have failed for DENY_LIST_MAX_STALENESS.
 */
@Injectable()
export class DenyListPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DenyListPoller.name);
  private cursor?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failing = false;

  constructor(
    @Inject(RESOURCE_API_CONFIG) private readonly config: ResourceApiConfig,
    private readonly cache: DenyListCache,
    private readonly feed: DenyListFeedClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.cache.enabled) {
      this.logger.warn('DENY_LIST_CLIENT_SECRET is not set: revoked tokens are not refused before they expire');
      return;
    }
    // The first pull is awaited, but its failure does not stop the boot: readiness reports it.
    await this.pull();
    this.timer = setInterval(() => this.tick(), this.config.denyList.pollIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.pull().finally(() => (this.running = undefined));
  }

  private async pull(): Promise<void> {
    try {
      const page = await this.feed.changesSince(this.cursor);
      this.cache.apply(page.entries);
      this.cursor = page.cursor;
      if (this.failing) this.logger.log('The deny-list feed is reachable again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.error(`Deny-list pull failed: ${(error as Error).message}`);
      this.failing = true;
    }
  }
}
