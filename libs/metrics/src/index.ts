export { MetricsModule, type MetricsModuleOptions } from './lib/metrics.module';
export { MetricsRegistry } from './lib/metrics-registry';
export { registerHttpMetrics } from './lib/http-metrics';
export { metricsAccess, type MetricsExposure, type MetricsAccess } from './lib/metrics-exposure';
