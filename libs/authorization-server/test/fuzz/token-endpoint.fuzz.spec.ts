import fc from 'fast-check';
import { basic, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { FUZZ_TIMEOUT_MS, NO_FAILURE_LIMITS } from './fuzz-arbitraries';

/** Every error code the token endpoint may answer with (RFC 6749 §5.2, plus 404 for unknown paths). */
const TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
];

/** How many random requests: small in CI, larger with FUZZ_RUNS (npm run fuzz). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);

const PARAMETER_NAMES = ['grant_type', 'scope', 'client_id', 'client_secret', 'refresh_token', 'code', 'x'];
const GRANT_TYPES = ['client_credentials', 'refresh_token', 'authorization_code', 'password', '', 'CLIENT_CREDENTIALS'];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...GRANT_TYPES, 'other.read', 'other.read other.write', 'svc', '%', '%zz', '\u0000', 'a'.repeat(300)),
);

const formBody = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMETER_NAMES), fc.string({ maxLength: 12 })), text), { maxLength: 8 })
  .map((entries) => new URLSearchParams(entries).toString());

const rawBody = fc.oneof(
  formBody,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('%%%', '&&&===', 'grant_type', '{"grant_type":"client_credentials"}', ''),
);

const contentType = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  undefined,
);

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.constant(basic('svc', 'svc-secret')),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([id, secret]) => basic(id, secret)),
  fc.string({ maxLength: 60 }).map((value) => `Basic ${value}`),
  fc.string({ maxLength: 60 }).map((value) => `Bearer ${value}`),
  fc.string({ maxLength: 60 }),
);

describe('token endpoint under random input (bounded fuzz)', () => {
  let server: RunningAuthServer;

  beforeAll(async () => {
    server = await startAuthServer(
      [
        {
          clientId: 'svc',
          secret: 'svc-secret',
          grantTypes: ['client_credentials', 'refresh_token'],
          scope: 'other.read other.write',
        },
      ],
      NO_FAILURE_LIMITS,
    );
  });
  afterAll(() => server.close());

  it(
    `answers ${RUNS} random requests with 200 or a standard OAuth error, never a 5xx or a stack trace`,
    async () => {
      await fc.assert(
        fc.asyncProperty(rawBody, contentType, authorization, async (body, type, auth) => {
          const headers: Record<string, string> = {};
          if (type !== undefined) headers['content-type'] = type;
          if (auth !== undefined) headers['authorization'] = auth;
          let response: Response;
          try {
            response = await fetch(`${server.url}/token`, { method: 'POST', headers, body });
          } catch (error) {
            // fetch itself refuses some header values (e.g. control characters): nothing reached the server.
            if (error instanceof TypeError) return;
            throw error;
          }
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          expect(text).not.toMatch(/\bat \S+ \(.*:\d+:\d+\)/);
          if (response.status === 200) return;
          const payload = JSON.parse(text) as Record<string, unknown>;
          expect(TOKEN_ERRORS).toContain(payload['error']);
          expect(typeof payload['error_description']).toBe('string');
          expect(response.headers.get('cache-control')).toBe('no-store');
        }),
        { numRuns: RUNS },
      );
      const live = await fetch(`${server.url}/health/live`);
      expect(live.status).toBe(200);
    },
    FUZZ_TIMEOUT_MS,
  );
});
