import fc from 'fast-check';
import { REDIRECT_URI, webClient } from '../authorization-code/authorization-code.fixture';
import { startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { pkcePair } from '../support/pkce-pair';
import { FUZZ_TIMEOUT_MS, mutationOf, RUNS, send, STACK_FRAME, text } from './fuzz-arbitraries';

/** RFC 6749 §4.1.2.1 codes a redirect may carry; `server_error` would be this endpoint's 500, so it is not here. */
const REDIRECT_ERRORS = [
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
];

const BASE: Record<string, string> = {
  response_type: 'code',
  client_id: webClient.clientId,
  redirect_uri: REDIRECT_URI,
  scope: 'other.read',
  state: 'state-123',
  code_challenge: pkcePair().challenge,
  code_challenge_method: 'S256',
};

/** Each parameter of a valid request kept, dropped, repeated or mutated, plus random extra parameters. */
const mutatedRequest = fc
  .tuple(
    ...Object.entries(BASE).map(([name, value]) =>
      fc.oneof(
        fc.constant([[name, value]]),
        fc.constant([]),
        fc.constant([
          [name, value],
          [name, value],
        ]),
        mutationOf(value).map((mutated) => [[name, mutated]]),
      ),
    ),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom('request', 'request_uri', 'prompt', 'nonce', 'x'), text), text), {
      maxLength: 3,
    }),
  )
  .map((parts) => new URLSearchParams(parts.flat() as [string, string][]).toString());

/** Query strings no encoder would produce. */
const rawQuery = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((value) => encodeURI(value.replace(/[\uD800-\uDFFF]/g, ''))),
  fc.constantFrom('%', '%zz', 'client_id=%00', 'a=%E0%A4%A', '&&&===', 'redirect_uri=javascript:alert(1)', ''),
);

const cookie = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 60 }).map((value) => `__Host-session=${encodeURIComponent(value)}`),
  fc.string({ maxLength: 60 }),
);

describe('authorization endpoint under random input (bounded fuzz, RFC 6749 §4.1)', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer([webClient], { ISSUER: 'https://issuer.example.test' });
  });
  afterAll(() => server.close());

  it(
    `answers ${RUNS} random GET requests with a page or a redirect, never a 5xx, a stack trace or server_error`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(mutatedRequest, rawQuery), cookie, async (query, sessionCookie) => {
          const headers: Record<string, string> = {};
          if (sessionCookie !== undefined) headers['cookie'] = sessionCookie;
          const sent = await send(`${server.url}/authorize?${query}`, { method: 'GET', headers });
          if (!sent) return;
          const { response, body } = sent;
          expect(response.status).toBeLessThan(500);
          expect(body).not.toMatch(STACK_FRAME);
          if (response.status === 302) {
            // Only ever back to the registered redirect URI (RFC 9700 §4.1), with a standard error or a code.
            const location = new URL(response.headers.get('location') ?? '');
            expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
            const error = location.searchParams.get('error');
            if (error !== null) expect(REDIRECT_ERRORS).toContain(error);
            return;
          }
          // Otherwise a page of ours (the login page, or an error page when the client cannot be trusted).
          expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
          expect(response.headers.get('cache-control')).toBe('no-store');
          expect(response.headers.get('x-frame-options')).toBe('DENY');
        }),
        { numRuns: RUNS },
      );
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    },
    FUZZ_TIMEOUT_MS,
  );
});
