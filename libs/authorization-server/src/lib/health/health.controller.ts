import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { PostgresHealthIndicator } from '@oauth/database';
import { answerReadiness } from '@oauth/health';
import type { FastifyReply } from 'fastify';
import { SigningKeyHealthIndicator } from './signing-key.health-indicator';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: PostgresHealthIndicator,
    private readonly signingKey: SigningKeyHealthIndicator,
  ) {}

  /** Liveness: the process answers, whatever its dependencies do. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: Postgres answers and a signing key is loaded; otherwise 503, so a load balancer routes elsewhere. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres answers and a signing key is loaded' })
  @ApiOkResponse({ description: 'Ready.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `Retry-After: 5`. The body names what is down.' })
  @HealthCheck()
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return answerReadiness(
      this.health,
      [() => this.postgres.isHealthy('database'), () => this.signingKey.isHealthy('signing_key')],
      reply,
    );
  }
}
