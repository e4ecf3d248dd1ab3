import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';

/** Pairs of requests measured; each pair is one unknown client and one wrong secret, in random order. */
const PAIRS = 40;
const WARM_UP_PAIRS = 3;
/**
 * Wilcoxon signed-rank test over the pairs' log time ratios, normal approximation: |z| above this means one side is
 * systematically slower. 4 is far beyond chance (p < 1e-4), so a loaded two-core machine does not make the test flaky;
 * a real difference (an unknown client answered without its bcrypt run, or at another cost) makes nearly every pair
 * lean the same way, and |z| reaches its maximum of 5.5 (measured here: hashes of cost 11 or 13 against the dummy's 12).
 */
const MAX_ABS_Z = 4;
/** The median of unknown/wrong over the pairs must lie within these bounds (measured here: 0.99 to 1.03). */
const RATIO_BOUNDS = [0.8, 1.25] as const;

/** z of the Wilcoxon signed-rank statistic of paired differences (positive: the first of each pair is larger). */
function signedRankZ(differences: number[]): number {
  const nonZero = differences.filter((d) => d !== 0).sort((x, y) => Math.abs(x) - Math.abs(y));
  let positiveRankSum = 0;
  for (let i = 0; i < nonZero.length; ) {
    // Tied magnitudes share the mean of their ranks.
    let j = i;
    while (j < nonZero.length && Math.abs(nonZero[j]) === Math.abs(nonZero[i])) j++;
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (nonZero[k] > 0) positiveRankSum += meanRank;
    i = j;
  }
  const n = nonZero.length;
  return (positiveRankSum - (n * (n + 1)) / 4) / Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * An unknown client_id and a known one with a wrong secret must be indistinguishable from outside (RFC 6749 §10.10,
 * RFC 9700 §4.16: nothing may help an attacker enumerate clients): the same 401 body and headers, and the same time,
 * since an unknown client still costs one bcrypt run at the cost real secrets are hashed with (ADR 0013).
 */
describe('client authentication: an unknown client and a wrong secret look the same (RFC 6749 §2.3.1)', () => {
  let server: RunningAuthServer;
  let tokenUrl: string;

  beforeAll(async () => {
    server = await startAuthServer(
      [
        // Cost 12: what npm run keygen, the admin API and the dummy check of an unknown client use.
        {
          clientId: 'known',
          secret: 'known-secret',
          grantTypes: ['client_credentials'],
          scope: 'other.read',
          bcryptCost: 12,
        },
        {
          clientId: 'known-post',
          secret: 'known-post-secret',
          tokenEndpointAuthMethod: 'client_secret_post',
          grantTypes: ['client_credentials'],
          scope: 'other.read',
          bcryptCost: 12,
        },
      ],
      // Every request below fails on purpose: keep the failed-authentication limits out of the measurement.
      { BRUTE_FORCE_MAX_PER_CLIENT: '1000000', BRUTE_FORCE_MAX_PER_ADDRESS: '1000000' },
    );
    tokenUrl = `${server.url}/token`;
  });
  afterAll(() => server.close());

  const grant = { grant_type: 'client_credentials', scope: 'other.read' };
  const unknownClientBasic = () =>
    postForm(tokenUrl, grant, { authorization: basic(`nobody-${randomUUID()}`, 'guess') });
  const wrongSecretBasic = () => postForm(tokenUrl, grant, { authorization: basic('known', `guess-${randomUUID()}`) });

  it('answers both with the same status, body and headers, for client_secret_basic and client_secret_post', async () => {
    const shape = (response: Awaited<ReturnType<typeof postForm>>) => ({
      status: response.status,
      body: response.body,
      'www-authenticate': response.headers.get('www-authenticate'),
      'cache-control': response.headers.get('cache-control'),
      pragma: response.headers.get('pragma'),
      'content-type': response.headers.get('content-type'),
      'retry-after': response.headers.get('retry-after'),
    });
    const unknownBasic = shape(await unknownClientBasic());
    expect(unknownBasic).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Client authentication failed' },
      'www-authenticate': 'Basic realm="token", charset="UTF-8"',
      'cache-control': 'no-store',
      pragma: 'no-cache',
      'content-type': 'application/json; charset=utf-8',
      'retry-after': null,
    });
    expect(shape(await wrongSecretBasic())).toEqual(unknownBasic);

    const post = (clientId: string, secret: string) =>
      postForm(tokenUrl, { ...grant, client_id: clientId, client_secret: secret });
    const unknownPost = shape(await post('nobody-post', 'guess'));
    expect(unknownPost).toMatchObject({ status: 401, 'www-authenticate': null });
    expect(shape(await post('known-post', 'guess'))).toEqual(unknownPost);
    // A secret-method client presented with the other secret method is refused the same way.
    expect(shape(await post('known', 'known-secret'))).toEqual(unknownPost);
  });

  it(`takes as long for both: ${PAIRS} interleaved pairs show no usable difference`, async () => {
    const time = async (send: () => Promise<{ status: number }>) => {
      const started = performance.now();
      const response = await send();
      const elapsed = performance.now() - started;
      expect(response.status).toBe(401);
      return elapsed;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let pair = 0; pair < WARM_UP_PAIRS + PAIRS; pair++) {
      // Random order inside each pair, so drift in the machine's load falls on both sides alike.
      const unknownFirst = Math.random() < 0.5;
      const first = await time(unknownFirst ? unknownClientBasic : wrongSecretBasic);
      const second = await time(unknownFirst ? wrongSecretBasic : unknownClientBasic);
      if (pair < WARM_UP_PAIRS) continue;
      unknown.push(unknownFirst ? first : second);
      wrong.push(unknownFirst ? second : first);
    }
    // Paired: both requests of a pair ran under the same load, so the machine's drift cancels out.
    const logRatios = unknown.map((time, pair) => Math.log(time / wrong[pair]));
    const z = signedRankZ(logRatios);
    const ratio = Math.exp(median(logRatios));
    const summary =
      `medians: unknown client ${median(unknown).toFixed(1)} ms, wrong secret ${median(wrong).toFixed(1)} ms; ` +
      `median ratio ${ratio.toFixed(3)}, signed-rank z ${z.toFixed(2)}`;
    const usableDifference = Math.abs(z) > MAX_ABS_Z || ratio < RATIO_BOUNDS[0] || ratio > RATIO_BOUNDS[1];
    expect({ summary, usableDifference }).toEqual({ summary, usableDifference: false });
  }, 300_000);
});
