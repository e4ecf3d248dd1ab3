import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ResourceServerHealthIndicator } from '@oauth/resource-server';
import type { FastifyReply } from 'fastify';
import { PostgresHealthIndicator } from '@oauth/database';

/** How long a prober should wait before asking again while the API is not ready. */
const RETRY_AFTER_SECONDS = 5;

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: PostgresHealthIndicator,
    private readonly resourceServer: ResourceServerHealthIndicator,
  ) {}

  /** Liveness only: the process answers. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Not ready while Postgres does not answer or the deny-list is stale: mutations are refused then (ADR 0006). */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres answers and the deny-list is fresh' })
  @ApiOkResponse({ description: 'Ready.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `Retry-After: 5`. The body names what is down.' })
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.isHealthy('database'),
        () => this.resourceServer.isHealthy('resource_server'),
      ]);
    } catch (error) {
      // Terminus throws its 503 with the report as the body; answer it here, with Retry-After, rather than
      // let the app's error filter turn a 5xx into a bare server_error.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      return error.getResponse() as HealthCheckResult;
    }
  }
}
