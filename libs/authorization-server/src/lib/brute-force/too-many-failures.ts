import { slowDown } from '@oauth/oauth-errors';

/** 429 slow_down with Retry-After: the answer to a blocked client_id or address (docs/adr/0013). */
export const tooManyFailedAttempts = (retryAfterSeconds: number) =>
  slowDown('Too many failed authentication attempts; try again after Retry-After seconds', retryAfterSeconds);
