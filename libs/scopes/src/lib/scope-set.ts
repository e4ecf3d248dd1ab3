import { Scope, ScopeSyntaxError } from './scope';

/** A set of `audience.permission` scopes, without duplicates, in first-seen order. */
export class ScopeSet {
  private constructor(readonly scopes: readonly Scope[]) {}

  /**
   * Parses a space-delimited scope string (RFC 6749 §3.3). Repeated scopes collapse
   * into one; leading, trailing or doubled spaces are a syntax error.
   */
  static parse(raw: string): ScopeSet {
    if (raw === '') return new ScopeSet([]);
    const tokens = raw.split(' ');
    if (tokens.some((token) => token === '')) {
      throw new ScopeSyntaxError('scopes must be separated by single spaces');
    }
    return ScopeSet.of(tokens);
  }

  /** Builds a set from individual scope tokens, each validated. */
  static of(tokens: readonly string[]): ScopeSet {
    const byValue = new Map<string, Scope>();
    for (const token of tokens) {
      const scope = Scope.parse(token);
      byValue.set(scope.toString(), scope);
    }
    return new ScopeSet([...byValue.values()]);
  }

  get isEmpty(): boolean {
    return this.scopes.length === 0;
  }

  /** The distinct audiences named, in first-seen order. */
  audiences(): string[] {
    return [...new Set(this.scopes.map((scope) => scope.audience))];
  }

  /** The permissions granted for one audience, in first-seen order. */
  permissionsFor(audience: string): string[] {
    return this.scopes.filter((scope) => scope.audience === audience).map((scope) => scope.permission);
  }

  has(value: string): boolean {
    return this.scopes.some((scope) => scope.toString() === value);
  }

  isSubsetOf(other: ScopeSet): boolean {
    return this.scopes.every((scope) => other.has(scope.toString()));
  }

  /** The values, e.g. `['other.read', 'other.write']`. */
  values(): string[] {
    return this.scopes.map((scope) => scope.toString());
  }

  /** The space-delimited form used in requests, responses and the `scope` claim. */
  toString(): string {
    return this.values().join(' ');
  }
}
