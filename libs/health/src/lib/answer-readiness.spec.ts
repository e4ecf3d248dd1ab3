import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { answerReadiness } from './answer-readiness';

function replyRecorder() {
  const sent: { status?: number; headers: Record<string, string> } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return { header: (name: string, value: string) => (sent.headers[name] = value) };
    },
  };
  return { sent, reply };
}

describe('answerReadiness', () => {
  const report: HealthCheckResult = { status: 'error', info: {}, error: { database: { status: 'down' } }, details: {} };

  it('answers 503 with Retry-After: 5 and the report when a check is down', async () => {
    const health = {
      check: () => Promise.reject(new ServiceUnavailableException(report)),
    } as unknown as HealthCheckService;
    const { sent, reply } = replyRecorder();
    await expect(answerReadiness(health, [], reply)).resolves.toEqual(report);
    expect(sent).toEqual({ status: 503, headers: { 'retry-after': '5' } });
  });

  it('passes a healthy report through and leaves the status alone', async () => {
    const ok: HealthCheckResult = { status: 'ok', info: {}, error: {}, details: {} };
    const health = { check: () => Promise.resolve(ok) } as unknown as HealthCheckService;
    const { sent, reply } = replyRecorder();
    await expect(answerReadiness(health, [], reply)).resolves.toEqual(ok);
    expect(sent.status).toBeUndefined();
  });

  it('rethrows anything that is not a readiness failure', async () => {
    const health = { check: () => Promise.reject(new Error('boom')) } as unknown as HealthCheckService;
    await expect(answerReadiness(health, [], replyRecorder().reply)).rejects.toThrow('boom');
  });
});
