import { isStrictCompactJws } from './strict-compact-jws';

const segment = (json: string) => Buffer.from(json).toString('base64url');
const token = (header: string, payload: string, signature = 'c2ln') =>
  `${segment(header)}.${segment(payload)}.${signature}`;

describe('isStrictCompactJws', () => {
  it('accepts three base64url segments holding JSON objects', () => {
    expect(isStrictCompactJws(token('{"alg":"RS256"}', '{"sub":"a","aud":["x","y"],"n":{"aud":1}}'))).toBe(true);
  });

  it('allows the same name at different depths', () => {
    expect(isStrictCompactJws(token('{"alg":"RS256"}', '{"a":{"a":{"a":1}},"b":[{"a":2},{"a":3}]}'))).toBe(true);
  });

  it.each([
    ['a duplicated payload claim', token('{"alg":"RS256"}', '{"aud":"x","aud":"y"}')],
    ['a duplicated header parameter', token('{"alg":"none","alg":"RS256"}', '{}')],
    ['a duplicate spelled with an escape', token('{"alg":"RS256"}', '{"aud":"x","\\u0061ud":"y"}')],
    ['a duplicate after a nested object', token('{"alg":"RS256"}', '{"aud":"x","o":{"p":[1,{"q":"}"}]},"aud":"y"}')],
    ['a name with an escaped quote repeated', token('{"alg":"RS256"}', '{"a\\"b":1,"a\\"b":2}')],
  ])('rejects %s', (_case, jws) => {
    expect(isStrictCompactJws(jws)).toBe(false);
  });

  it.each([
    ['two segments', `${segment('{}')}.${segment('{}')}`],
    ['four segments', `${token('{}', '{}')}.x`],
    ['an empty signature', `${segment('{}')}.${segment('{}')}.`],
    ['base64 padding', `${token('{"alg":"RS256"}', '{}')}==`],
    ['standard base64 characters', token('{"alg":"RS256"}', '{}', 'ab+/')],
    ['a header that is not JSON', token('not json', '{}')],
    ['a payload that is an array', token('{"alg":"RS256"}', '[1,2]')],
    ['a payload that is a string', token('{"alg":"RS256"}', '"text"')],
  ])('rejects %s', (_case, jws) => {
    expect(isStrictCompactJws(jws)).toBe(false);
  });
});
