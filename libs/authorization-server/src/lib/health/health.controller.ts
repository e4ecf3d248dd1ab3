import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { PostgresHealthIndicator } from '@oauth/database';
import type { FastifyReply } from 'fastify';
import { SigningKeyHealthIndicator } from './signing-key.health-indicator';

/** How long a prober should wait before asking again while the server is not ready. */
const RETRY_AFTER_SECONDS = 5;

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
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.postgres.isHealthy('database'),
        () => this.signingKey.isHealthy('signing_key'),
      ]);
    } catch (error) {
      // Terminus throws its 503 with the report as the body; answered here with Retry-After (RFC 9110 §10.2.3),
      // rather than letting the OAuth error filter turn it into a bare server_error.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      return error.getResponse() as HealthCheckResult;
    }
  }
}
