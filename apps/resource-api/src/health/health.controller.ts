import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { isDatabaseReachable } from '@oauth/database';
import { DenyListCache, type DenyListState } from '../deny-list/deny-list.cache';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly denyList: DenyListCache,
    private readonly dataSource: DataSource,
  ) {}

  /** Liveness only: the process answers. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Not ready while Postgres does not answer or the deny-list is stale: mutations are refused then (ADR 0006). */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres answers and the deny-list is fresh' })
  @ApiOkResponse({ description: 'Ready.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `Retry-After: 5`. The body names what is down.' })
  async ready(
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ status: 'ok' | 'unavailable'; database: 'up' | 'down'; deny_list: DenyListState }> {
    const database = (await isDatabaseReachable(this.dataSource)) ? 'up' : 'down';
    const denyList = this.denyList.state();
    if (database === 'down' || denyList === 'stale') {
      void reply.status(503).header('retry-after', '5');
      return { status: 'unavailable', database, deny_list: denyList };
    }
    return { status: 'ok', database, deny_list: denyList };
  }
}
