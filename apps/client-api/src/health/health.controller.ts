import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Liveness only: the process answers. Upstream services are not checked here. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: this API owns no database; it can serve as soon as it listens. An unreachable auth server
   * or resource API shows per request as a 502, not here, so one outage does not take every client out.
   */
  @Get('ready')
  ready(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
