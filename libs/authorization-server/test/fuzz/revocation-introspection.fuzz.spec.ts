import fc from 'fast-check';
import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import {
  authorization,
  contentType,
  formBody,
  FUZZ_TIMEOUT_MS,
  mutationOf,
  NO_FAILURE_LIMITS,
  RUNS,
  send,
  STACK_FRAME,
  text,
} from './fuzz-arbitraries';

/** Every error code these endpoints may answer with (RFC 6749 §5.2, RFC 7009 §2.2.1, ADR 0013). */
const ERRORS = ['invalid_request', 'invalid_client', 'unsupported_token_type', 'slow_down'];

const PARAMETER_NAMES = [
  'token',
  'token_type_hint',
  'client_id',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'x',
];

describe('revocation and introspection endpoints under random input (bounded fuzz, RFC 7009, RFC 7662)', () => {
  let server: RunningAuthServer;
  let tokens: { access: string; refresh: string };

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
    const issued = await postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope: 'other.read' },
      { authorization: basic('svc', 'svc-secret') },
    );
    tokens = { access: issued.body['access_token'] as string, refresh: issued.body['refresh_token'] as string };
  });
  afterAll(() => server.close());

  /** Real tokens and their mutations, besides random text. */
  const tokenValue = () =>
    fc.oneof(
      mutationOf(tokens.access),
      mutationOf(tokens.refresh),
      fc.constantFrom('eyJhbGciOiJub25lIn0.e30.', 'x'.repeat(5_000)),
      text,
    );
  const valueOf = (name: string) =>
    name === 'token'
      ? tokenValue()
      : name === 'client_assertion_type'
        ? mutationOf('urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
        : name === 'token_type_hint'
          ? fc.oneof(fc.constantFrom('access_token', 'refresh_token'), text)
          : fc.oneof(fc.constantFrom('svc', 'svc-secret'), text);

  it(
    `answers ${RUNS} random requests with 200 or a standard OAuth error, never a 5xx or a stack trace`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('/revoke', '/introspect'),
          formBody(PARAMETER_NAMES, valueOf),
          contentType,
          authorization('svc', 'svc-secret'),
          async (path, body, type, auth) => {
            const headers: Record<string, string> = {};
            if (type !== undefined) headers['content-type'] = type;
            if (auth !== undefined) headers['authorization'] = auth;
            const sent = await send(`${server.url}${path}`, { method: 'POST', headers, body });
            if (!sent) return;
            const { response, body: text } = sent;
            expect(response.status).toBeLessThan(500);
            expect(text).not.toMatch(STACK_FRAME);
            expect(response.headers.get('cache-control')).toBe('no-store');
            const payload = JSON.parse(text) as Record<string, unknown>;
            if (response.status === 200) {
              // RFC 7009 §2.2: an empty answer; RFC 7662 §2.2: at least `active`.
              if (path === '/revoke') expect(payload).toEqual({});
              else expect(typeof payload['active']).toBe('boolean');
              return;
            }
            expect(ERRORS).toContain(payload['error']);
            expect(typeof payload['error_description']).toBe('string');
          },
        ),
        { numRuns: RUNS },
      );
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    },
    FUZZ_TIMEOUT_MS,
  );
});
