import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ResilientJwksResolver } from '../bearer-token/resilient-jwks.resolver';
import { DenyListCache } from '../deny-list/deny-list.cache';

/**
 * A `@nestjs/terminus` health indicator for token verification, for an app's readiness check:
 * `health.check([() => resourceServer.isHealthy('resource_server')])`.
 */
@Injectable()
export class ResourceServerHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly keys: ResilientJwksResolver,
    private readonly denyList: DenyListCache,
  ) {}

  /**
   * Reports `key_set` (`not_fetched`, `fresh`, `stale` or `unreachable`) and `deny_list` (`disabled`,
   * `fresh` or `stale`) under `key`. Down only while the deny-list is stale, when writes are refused
   * (ADR 0006); the key set never makes it down: tokens of keys already held keep verifying while the
   * authorization server is away, and the first token fetches the keys.
   */
  isHealthy<const Key extends string>(key: Key) {
    const indicator = this.health.check(key);
    const details = { key_set: this.keys.state(), deny_list: this.denyList.state() };
    return details.deny_list === 'stale' ? indicator.down(details) : indicator.up(details);
  }
}
