import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Liveness only: the process answers. Upstream services are not checked here. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
