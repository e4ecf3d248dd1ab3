import fc from 'fast-check';
import { basic } from '../support/auth-server.fixture';

/** How many random requests per property: small in CI, larger with FUZZ_RUNS (npm run fuzz). */
export const RUNS = Number(process.env['FUZZ_RUNS'] ?? 120);

/** Time for one property: a request may cost a bcrypt run, which a loaded machine makes slow. */
export const FUZZ_TIMEOUT_MS = 30_000 + RUNS * 1_000;

/** A Node stack frame, as it would leak into a body. */
export const STACK_FRAME = /\bat \S+ \(.*:\d+:\d+\)/;

/** Failed authentications are the point here: keep the limits of ADR 0013 (tested on their own) out of the way. */
export const NO_FAILURE_LIMITS = { BRUTE_FORCE_MAX_PER_CLIENT: '1000000', BRUTE_FORCE_MAX_PER_ADDRESS: '1000000' };

/** Values a parameter may take: random text, binary, and the usual suspects of broken encodings. */
export const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%zz',
    '%00',
    '\u0000',
    '\uFFFD',
    '\uD800',
    '+',
    '&',
    '=',
    '"><script>',
    'a'.repeat(3_000),
  ),
);

/** A value mutated the ways a fuzzer would: dropped characters, flipped characters, doubled, cut, re-encoded. */
export function mutationOf(value: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(value),
    fc.nat({ max: Math.max(0, value.length - 1) }).map((at) => value.slice(0, at) + value.slice(at + 1)),
    fc
      .tuple(fc.nat({ max: Math.max(0, value.length - 1) }), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([at, char]) => value.slice(0, at) + char + value.slice(at + 1)),
    fc.nat({ max: value.length }).map((at) => value.slice(0, at)),
    fc.constant(value + value),
    fc.constant(value.toUpperCase()),
    fc.constant(encodeURIComponent(value)),
    text,
  );
}

/** A form body of `names` (and random names), each maybe repeated, as x-www-form-urlencoded or raw bytes. */
export function formBody(names: string[], value: (name: string) => fc.Arbitrary<string>): fc.Arbitrary<string> {
  const field = fc
    .oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 }))
    .chain((name) => value(name).map((v): [string, string] => [name, v]));
  return fc.oneof(
    fc.array(field, { maxLength: 8 }).map((entries) => new URLSearchParams(entries).toString()),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('%%%', '&&&===', 'token', '{"token":"x"}', '', 'token=a&token=b', 'token=%E0%A4%A'),
  );
}

export const contentType = fc.constantFrom(
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=utf-8',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'APPLICATION/X-WWW-FORM-URLENCODED',
  'application/json',
  'text/plain',
  'multipart/form-data; boundary=x',
  undefined,
);

/** Authorization headers: none, a client's real credentials, random Basic, other schemes, garbage. */
export function authorization(clientId: string, secret: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant(basic(clientId, secret)),
    fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([id, s]) => basic(id, s)),
    fc.string({ maxLength: 60 }).map((value) => `Basic ${value}`),
    fc.string({ maxLength: 60 }).map((value) => `Bearer ${value}`),
    fc.string({ maxLength: 60 }),
  );
}

/** Sends a request; null when fetch itself refused a header value (nothing reached the server). */
export async function send(url: string, init: RequestInit): Promise<{ response: Response; body: string } | null> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual' });
    return { response, body: await response.text() };
  } catch (error) {
    if (error instanceof TypeError) return null;
    throw error;
  }
}
