/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ) */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Thrown when a scope string breaks RFC 6749 §3.3 or the `audience.permission` convention. */
export class ScopeSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeSyntaxError';
  }
}

/** One `audience.permission` scope, e.g. `other.read`. */
export class Scope {
  private constructor(
    readonly audience: string,
    readonly permission: string,
  ) {}

  /** Parses one scope token; the audience is everything before the first dot. */
  static parse(token: string): Scope {
    if (!SCOPE_TOKEN.test(token)) {
      throw new ScopeSyntaxError(`"${token}" is not a valid scope token`);
    }
    const dot = token.indexOf('.');
    if (dot <= 0 || dot === token.length - 1) {
      throw new ScopeSyntaxError(`"${token}" does not follow audience.permission`);
    }
    return new Scope(token.slice(0, dot), token.slice(dot + 1));
  }

  toString(): string {
    return `${this.audience}.${this.permission}`;
  }
}
