import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ResourceServerHealthIndicator } from '@oauth/resource-server';
import { answerReadiness } from '@oauth/health';
import type { FastifyReply } from 'fastify';
import { PostgresHealthIndicator } from '@oauth/database';

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
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return answerReadiness(
      this.health,
      [() => this.postgres.isHealthy('database'), () => this.resourceServer.isHealthy('resource_server')],
      reply,
    );
  }
}
