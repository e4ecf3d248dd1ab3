import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DenyListCache, type DenyListState } from '../deny-list/deny-list.cache';

@Controller('health')
export class HealthController {
  constructor(private readonly denyList: DenyListCache) {}

  /** Liveness only: the process answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Not ready while the deny-list is stale: mutations are refused then (ADR 0006). */
  @Get('ready')
  ready(@Res({ passthrough: true }) reply: FastifyReply): { status: 'ok' | 'unavailable'; deny_list: DenyListState } {
    const state = this.denyList.state();
    if (state === 'stale') {
      void reply.status(503);
      return { status: 'unavailable', deny_list: state };
    }
    return { status: 'ok', deny_list: state };
  }
}
