import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { isDatabaseReachable } from '@oauth/database';
import { SigningKeyService } from '../keys/signing-key.service';

type Check = 'up' | 'down';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeyService,
  ) {}

  /** Liveness: the process answers, whatever its dependencies do. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: Postgres answers and a signing key is loaded; otherwise 503, so a load balancer routes elsewhere. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Postgres answers and a signing key is loaded' })
  @ApiOkResponse({ description: 'Ready.' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `Retry-After: 5`. The body names what is down.' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const database: Check = (await isDatabaseReachable(this.dataSource)) ? 'up' : 'down';
    const signingKey: Check = this.hasSigningKey() ? 'up' : 'down';
    const ready = database === 'up' && signingKey === 'up';
    if (!ready) void reply.status(503).header('retry-after', '5');
    return { status: ready ? 'ok' : 'unavailable', database, signing_key: signingKey };
  }

  private hasSigningKey(): boolean {
    try {
      this.keys.currentSigningKey();
      return true;
    } catch {
      return false;
    }
  }
}
