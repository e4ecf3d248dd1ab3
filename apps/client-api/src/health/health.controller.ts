import { Controller, Get, Res } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { answerReadiness } from '@oauth/health';
import type { FastifyReply } from 'fastify';
import { ClientCredentialsHealthIndicator } from './client-credentials.health';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly clientCredentials: ClientCredentialsHealthIndicator,
  ) {}

  /** Liveness only: the process answers. Upstream services are not checked here. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * Readiness: this client has its credentials. The auth server and the resource API are not checked: their outage
   * shows per request as a 502, not here, so one outage does not take every client out.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the client has its credentials; upstream outages show per request' })
  @HealthCheck()
  ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    return answerReadiness(this.health, [() => this.clientCredentials.check('client_credentials')], reply);
  }
}
