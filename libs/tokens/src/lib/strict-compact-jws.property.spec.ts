import fc from 'fast-check';
import { isStrictCompactJws } from './strict-compact-jws';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jsonObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });

describe('isStrictCompactJws properties', () => {
  it('accepts every token whose header and payload are serialised JSON objects', () => {
    fc.assert(
      fc.property(
        jsonObject,
        jsonObject,
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        (header, payload, signature) => {
          const token = `${segment(header)}.${segment(payload)}.${Buffer.from(signature).toString('base64url')}`;
          expect(isStrictCompactJws(token)).toBe(true);
        },
      ),
    );
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => {
        expect(typeof isStrictCompactJws(raw)).toBe('boolean');
      }),
    );
  });

  it('rejects any object serialised with one member repeated', () => {
    fc.assert(
      fc.property(jsonObject, fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), (payload, name, value) => {
        const body = JSON.stringify({ ...payload, [name]: value });
        const repeated = `${body.slice(0, -1)}${body.length > 2 ? ',' : ''}${JSON.stringify(name)}:${JSON.stringify(value)}}`;
        const token = `${segment({ alg: 'RS256' })}.${Buffer.from(repeated).toString('base64url')}.c2ln`;
        expect(isStrictCompactJws(token)).toBe(false);
      }),
    );
  });
});
