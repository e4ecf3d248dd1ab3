import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import type { MetricsExposure } from './metrics-exposure';
import { MetricsRegistry } from './metrics-registry';
import { METRICS_EXPOSURE } from './metrics.tokens';

export interface MetricsModuleOptions {
  /** The `service` label on every metric. */
  service: string;
  exposure: MetricsExposure;
}

/** Serves `/metrics` and provides the app's MetricsRegistry to every module. */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: MetricsRegistry, useValue: new MetricsRegistry(options.service) },
        { provide: METRICS_EXPOSURE, useValue: options.exposure },
      ],
      exports: [MetricsRegistry],
    };
  }
}
