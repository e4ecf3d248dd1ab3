import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult, HealthCheckService, HealthIndicatorFunction } from '@nestjs/terminus';

/** How long a prober should wait before asking again while a service is not ready. */
export const READINESS_RETRY_AFTER_SECONDS = 5;

/** The part of a Fastify or Express reply this needs. */
export interface ReadinessReply {
  status(code: number): { header(name: string, value: string): unknown };
}

/**
 * Runs the readiness checks. Terminus reports "not ready" as a 503 exception carrying its report; it is answered
 * here, with Retry-After (RFC 9110 §10.2.3), so an app's error filter never turns it into a bare server_error.
 */
export async function answerReadiness(
  health: HealthCheckService,
  checks: HealthIndicatorFunction[],
  reply: ReadinessReply,
): Promise<HealthCheckResult> {
  try {
    return await health.check(checks);
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    reply.status(503).header('retry-after', String(READINESS_RETRY_AFTER_SECONDS));
    return error.getResponse() as HealthCheckResult;
  }
}
