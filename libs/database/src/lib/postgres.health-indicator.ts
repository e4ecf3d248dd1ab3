import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { isDatabaseReachable } from './database-reachable';
import { DataSource } from 'typeorm';

/**
 * Postgres answers a trivial query in time. Not terminus's TypeOrmHealthIndicator: that one requires
 * @nestjs/typeorm, which these apps do not use.
 */
@Injectable()
export class PostgresHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  async isHealthy<const Key extends string>(key: Key) {
    const indicator = this.health.check(key);
    return (await isDatabaseReachable(this.dataSource)) ? indicator.up() : indicator.down();
  }
}
