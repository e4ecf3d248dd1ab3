import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

@Controller('health')
@ApiTags('health')
export class HealthController {
  /** Liveness only: the process answers. Upstream services are not checked here. */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: this API owns no database; it can serve as soon as it listens. An unreachable auth server
   * or resource API shows per request as a 502, not here, so one outage does not take every client out.
   */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: always ready once listening; upstream outages show per request' })
  ready(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
