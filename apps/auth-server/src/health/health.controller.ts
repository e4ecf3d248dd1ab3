import { Controller, Get } from '@nestjs/common';

/** Liveness: the process answers. Readiness checks come with the operability work. */
@Controller('health')
export class HealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}
