import { ScopeSet } from './scope-set';
import { ScopeSyntaxError } from './scope';

describe('ScopeSet', () => {
  it('parses audience.permission scopes and keeps their order', () => {
    const set = ScopeSet.parse('other.read other.write');
    expect(set.values()).toEqual(['other.read', 'other.write']);
    expect(set.audiences()).toEqual(['other']);
    expect(set.permissionsFor('other')).toEqual(['read', 'write']);
    expect(set.toString()).toBe('other.read other.write');
  });

  it('collapses repeated scopes into one', () => {
    expect(ScopeSet.parse('other.read other.read').values()).toEqual(['other.read']);
  });

  it('treats an empty string as no scopes', () => {
    expect(ScopeSet.parse('').isEmpty).toBe(true);
  });

  it('lists every audience named', () => {
    expect(ScopeSet.parse('other.read server.admin other.write').audiences()).toEqual(['other', 'server']);
  });

  it('splits at the first dot only', () => {
    expect(ScopeSet.parse('other.items.read').permissionsFor('other')).toEqual(['items.read']);
  });

  it.each([
    ['a scope without a dot', 'read'],
    ['an empty audience', '.read'],
    ['an empty permission', 'other.'],
    ['a double space (RFC 6749 §3.3 delimits by one space)', 'other.read  other.write'],
    ['a leading space', ' other.read'],
    ['a quote, outside RFC 6749 §3.3 NQCHAR', 'other."read"'],
    ['a backslash, outside RFC 6749 §3.3 NQCHAR', 'other.re\\ad'],
    ['a non-ASCII character', 'other.lesen\u00e9'],
    ['a tab', 'other.read\tother.write'],
  ])('rejects %s', (_case, raw) => {
    expect(() => ScopeSet.parse(raw)).toThrow(ScopeSyntaxError);
  });

  it('compares sets', () => {
    const allowed = ScopeSet.parse('other.read other.write');
    expect(ScopeSet.parse('other.read').isSubsetOf(allowed)).toBe(true);
    expect(ScopeSet.parse('other.read other.admin').isSubsetOf(allowed)).toBe(false);
    expect(allowed.has('other.write')).toBe(true);
    expect(allowed.has('other.admin')).toBe(false);
  });
});
