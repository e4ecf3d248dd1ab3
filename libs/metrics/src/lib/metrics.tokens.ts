/** Injection token for the MetricsExposure of the app. */
export const METRICS_EXPOSURE = Symbol('METRICS_EXPOSURE');
