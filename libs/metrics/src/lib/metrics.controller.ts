import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OAuthError } from '@oauth/oauth-errors';
import { METRICS_EXPOSURE } from './metrics.tokens';
import { metricsAccess, type MetricsExposure } from './metrics-exposure';
import { MetricsRegistry } from './metrics-registry';

/** `GET /metrics` in the Prometheus text format. */
@Controller('metrics')
@ApiTags('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    @Inject(METRICS_EXPOSURE) private readonly exposure: MetricsExposure,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics',
    description: 'Open outside production; with METRICS_TOKEN set it needs `Authorization: Bearer <METRICS_TOKEN>`.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The Prometheus text exposition format.',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const access = metricsAccess(this.exposure, request.headers.authorization);
    if (access === 'hidden') throw new NotFoundException('Cannot GET /metrics');
    if (access === 'unauthorized') {
      throw new OAuthError('invalid_token', 401, 'A valid metrics token is required', 'Bearer realm="metrics"');
    }
    await reply
      .header('content-type', this.metrics.contentType)
      .header('cache-control', 'no-store')
      .send(await this.metrics.render());
  }
}
