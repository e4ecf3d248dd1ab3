import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ResourceServerHealthIndicator } from './health/resource-server.health-indicator';
import { ResourceServerOptionsError } from './resource-server-options';
import { ResourceServerModule } from './resource-server.module';

const ISSUER = 'http://127.0.0.1:1';

/** An app's own config module, as forRootAsync would be fed from it. */
const APP_CONFIG = Symbol('APP_CONFIG');
@Module({ providers: [{ provide: APP_CONFIG, useValue: { audience: '' } }], exports: [APP_CONFIG] })
class BadConfigModule {}

describe('ResourceServerModule', () => {
  it('forRoot rejects bad options before anything boots, naming the option', () => {
    expect(() => ResourceServerModule.forRoot({ issuer: 'not a url', audience: 'billing' })).toThrow(
      new ResourceServerOptionsError('Invalid ResourceServerModule options: issuer: must be an http(s) URL'),
    );
  });

  it('forRootAsync fails the boot when its factory returns bad options', async () => {
    const boot = Test.createTestingModule({
      imports: [
        ResourceServerModule.forRootAsync({
          imports: [BadConfigModule],
          inject: [APP_CONFIG],
          useFactory: (config: { audience: string }) => ({ issuer: ISSUER, audience: config.audience }),
        }),
      ],
    }).compile();
    await expect(boot).rejects.toThrow(
      new ResourceServerOptionsError('Invalid ResourceServerModule options: audience: must be a non-empty string'),
    );
  });

  describe('health indicator', () => {
    async function indicatorFor(module: ReturnType<typeof ResourceServerModule.forRoot>) {
      const moduleRef = await Test.createTestingModule({ imports: [module] }).compile();
      moduleRef.useLogger(false);
      // Runs the lifecycle hooks: the deny-list poller's first pull happens here.
      await moduleRef.init();
      return { indicator: moduleRef.get(ResourceServerHealthIndicator), close: () => moduleRef.close() };
    }

    it('is up without a deny-list feed, before any token has fetched the keys', async () => {
      const { indicator, close } = await indicatorFor(
        ResourceServerModule.forRoot({ issuer: ISSUER, audience: 'billing' }),
      );
      try {
        expect(indicator.isHealthy('tokens')).toEqual({
          tokens: { status: 'up', key_set: 'not_fetched', deny_list: 'disabled' },
        });
      } finally {
        await close();
      }
    });

    it('is down while the deny-list feed has never answered (ADR 0006)', async () => {
      const { indicator, close } = await indicatorFor(
        // Port 1 on loopback: the first pull at boot is refused.
        ResourceServerModule.forRoot({ issuer: ISSUER, audience: 'billing', denyList: { clientSecret: 's' } }),
      );
      try {
        expect(indicator.isHealthy('tokens')).toEqual({
          tokens: { status: 'down', key_set: 'not_fetched', deny_list: 'stale' },
        });
      } finally {
        await close();
      }
    });
  });
});
