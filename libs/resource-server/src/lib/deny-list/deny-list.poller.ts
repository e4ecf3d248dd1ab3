import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';
import { DenyListCache } from './deny-list.cache';
import { DenyListFeedClient } from './deny-list-feed.client';

/**
 * Pulls the deny-list changes since its cursor every `pollIntervalSeconds`, so a token revoked
 * anywhere is refused here within about one interval (ADR 0006). A failed pull keeps the list as it
 * is; the cache turns stale once pulls have failed for `maxStalenessSeconds`.
 */
@Injectable()
export class DenyListPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DenyListPoller.name);
  private cursor?: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private failing = false;

  constructor(
    @Inject(RESOURCE_SERVER_OPTIONS) private readonly options: ResolvedResourceServerOptions,
    private readonly cache: DenyListCache,
    private readonly feed: DenyListFeedClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const feed = this.options.denyList;
    if (!feed) {
      this.logger.warn('No deny-list feed is configured: revoked tokens are not refused before they expire');
      return;
    }
    // The first pull is awaited, but its failure does not stop the boot: readiness reports it.
    await this.pull();
    this.timer = setInterval(() => this.tick(), feed.pollIntervalSeconds * 1000);
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
