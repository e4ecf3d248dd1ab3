import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { KeyLifecycle } from './key-lifecycle';
import { SigningKeyService } from './signing-key.service';

/**
 * At boot: makes sure a key signs, then loads the keys. Afterwards, every KEY_REFRESH_INTERVAL: applies
 * the rotation schedule if no other instance is doing it, and reloads the keys, so changes made by any
 * instance reach this one within one interval without a restart.
 */
@Injectable()
export class KeyRefreshScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(KeyRefreshScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly lifecycle: KeyLifecycle,
    private readonly keys: SigningKeyService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.lifecycle.applySchedule(true);
    await this.keys.reload();
    this.timer = setInterval(() => this.tick(), this.config.keys.refreshIntervalSeconds * 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs one refresh now (operator actions call this so their instance needs no wait). */
  async refreshNow(): Promise<void> {
    await this.keys.reload();
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.refresh().finally(() => (this.running = undefined));
  }

  private async refresh(): Promise<void> {
    try {
      await this.lifecycle.applySchedule(false);
      await this.keys.reload();
    } catch (error) {
      // The keys in memory stay valid; the next tick tries again.
      this.logger.error(`Signing key refresh failed: ${(error as Error).message}`);
    }
  }
}
