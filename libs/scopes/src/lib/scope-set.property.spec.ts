import fc from 'fast-check';
import { ScopeSet } from './scope-set';
import { ScopeSyntaxError } from './scope';

/** RFC 6749 §3.3 NQCHAR without the dot, so generated parts split predictably. */
const part = fc.stringMatching(/^[\x21\x23-\x2D\x2F-\x5B\x5D-\x7E]{1,12}$/);
const scope = fc.tuple(part, part).map(([audience, permission]) => `${audience}.${permission}`);

describe('ScopeSet properties', () => {
  it('parses any space-joined list of valid scopes back to the same distinct values', () => {
    fc.assert(
      fc.property(fc.array(scope, { minLength: 1, maxLength: 8 }), (scopes) => {
        const parsed = ScopeSet.parse(scopes.join(' '));
        expect(parsed.values()).toEqual([...new Set(scopes)]);
        expect(ScopeSet.parse(parsed.toString()).values()).toEqual(parsed.values());
      }),
    );
  });

  it('either parses or throws ScopeSyntaxError, for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        try {
          const parsed = ScopeSet.parse(raw);
          for (const value of parsed.values()) expect(value).toMatch(/^[\x21\x23-\x5B\x5D-\x7E]+$/);
        } catch (error) {
          expect(error).toBeInstanceOf(ScopeSyntaxError);
        }
      }),
    );
  });

  it('names each audience of the set exactly once, and every permission under its audience', () => {
    fc.assert(
      fc.property(fc.array(scope, { minLength: 1, maxLength: 8 }), (scopes) => {
        const parsed = ScopeSet.parse(scopes.join(' '));
        const audiences = parsed.audiences();
        expect(new Set(audiences).size).toBe(audiences.length);
        const rebuilt = audiences.flatMap((audience) => parsed.permissionsFor(audience).map((p) => `${audience}.${p}`));
        expect(new Set(rebuilt)).toEqual(new Set(parsed.values()));
      }),
    );
  });

  it('treats a set as a subset of itself and of any superset', () => {
    fc.assert(
      fc.property(fc.array(scope, { minLength: 1, maxLength: 6 }), fc.array(scope, { maxLength: 6 }), (base, extra) => {
        const small = ScopeSet.of(base);
        expect(small.isSubsetOf(small)).toBe(true);
        expect(small.isSubsetOf(ScopeSet.of([...base, ...extra]))).toBe(true);
      }),
    );
  });
});
