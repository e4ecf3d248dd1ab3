import { Controller, Get } from '@nestjs/common';

@Controller('health')
export class HealthController {
  /** Liveness only: the process answers. Readiness is a separate concern. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
