import { createHash, timingSafeEqual } from 'node:crypto';

/** Who may read `/metrics`. */
export interface MetricsExposure {
  /** Outside production /metrics is open; in production it needs `bearerToken`, or does not exist. */
  production: boolean;
  bearerToken?: string;
}

export type MetricsAccess = 'allowed' | 'hidden' | 'unauthorized';

/** Decides a `/metrics` request from its Authorization header. */
export function metricsAccess(exposure: MetricsExposure, authorization: string | undefined): MetricsAccess {
  if (exposure.bearerToken === undefined) return exposure.production ? 'hidden' : 'allowed';
  const presented = /^bearer +(\S+)$/i.exec(authorization ?? '')?.[1];
  if (presented === undefined) return 'unauthorized';
  // Compare digests, so the comparison takes the same time whatever the length of the guess.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(exposure.bearerToken)) ? 'allowed' : 'unauthorized';
}
