import { Controller, Get, NotFoundException } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { OAuthErrorFilter } from '@oauth/oauth-errors';
import { registerHttpMetrics } from './http-metrics';
import type { MetricsExposure } from './metrics-exposure';
import { MetricsRegistry } from './metrics-registry';
import { MetricsModule } from './metrics.module';

@Controller('items')
class ItemsController {
  @Get(':id')
  item() {
    throw new NotFoundException('No such item');
  }
}

async function boot(exposure: MetricsExposure): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [MetricsModule.forRoot({ service: 'test-service', exposure })],
    controllers: [ItemsController],
    providers: [{ provide: APP_FILTER, useClass: OAuthErrorFilter }],
  }).compile();
  moduleRef.useLogger(false);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
  registerHttpMetrics(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('MetricsModule', () => {
  it('counts responses by route pattern and status, never by raw URL', async () => {
    const app = await boot({ production: false });
    try {
      await app.inject({ method: 'GET', url: '/items/secret-looking-id-123' });
      await app.inject({ method: 'GET', url: '/items/another' });
      const scrape = await app.inject({ method: 'GET', url: '/metrics' });
      expect(scrape.statusCode).toBe(200);
      expect(scrape.headers['content-type']).toContain('text/plain');
      expect(scrape.body).toContain(
        'http_requests_total{method="GET",route="/items/:id",status="404",service="test-service"} 2',
      );
      expect(scrape.body).toContain('nodejs_eventloop_lag_seconds');
      expect(scrape.body).not.toContain('secret-looking-id-123');
    } finally {
      await app.close();
    }
  });

  it('does not exist in production without a metrics token', async () => {
    const app = await boot({ production: true });
    try {
      expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('requires the bearer token when one is configured', async () => {
    const app = await boot({ production: true, bearerToken: 'scrape-me' });
    try {
      const without = await app.inject({ method: 'GET', url: '/metrics' });
      expect(without.statusCode).toBe(401);
      expect(without.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await app.inject({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: 'Bearer scrape-me' },
      });
      expect(right.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
