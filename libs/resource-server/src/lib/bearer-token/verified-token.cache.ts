import type { JWTVerifyResult } from 'jose';

interface Entry {
  result: JWTVerifyResult;
  /** Seconds since the epoch after which the token no longer passes jose's `exp` check. */
  usableUntil: number;
}

/**
 * Tokens whose signature and claims were verified, kept until they expire, so a client that presents the same
 * token again costs a map lookup instead of a signature check (ADR 0005). Keyed by the exact token text: any other
 * byte is a miss. The deny-list is not cached here; it is checked on every request.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly clockSkewSeconds: number,
  ) {}

  get(token: string, nowSeconds: number): JWTVerifyResult | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (nowSeconds >= entry.usableUntil) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.result;
  }

  remember(token: string, result: JWTVerifyResult): void {
    const exp = result.payload.exp;
    if (this.maxEntries === 0 || typeof exp !== 'number') return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // jose refuses a token once now - clockTolerance >= exp; the cache stops serving it at the same moment.
    this.entries.set(token, { result, usableUntil: exp + this.clockSkewSeconds });
  }
}
