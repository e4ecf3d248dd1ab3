import type { AccessTokenPrincipal } from './access-token-principal';

/** What verifying a token established: whom it speaks for, and the key that signed it (for the deny-list). */
export interface VerifiedToken {
  principal: AccessTokenPrincipal;
  keyId: string | undefined;
}

interface Entry {
  verified: VerifiedToken;
  /** Seconds since the epoch after which the token no longer passes jose's `exp` check. */
  usableUntil: number;
}

/**
 * Tokens whose form, signature and claims were verified, kept until they expire, so a client that presents the
 * same token again costs a map lookup instead of a signature check (ADR 0005). Keyed by the exact token text:
 * any other byte is a miss. The deny-list is not cached here; it is checked on every request.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly clockSkewSeconds: number,
  ) {}

  get(token: string, nowSeconds: number): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (nowSeconds >= entry.usableUntil) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.verified;
  }

  remember(token: string, verified: VerifiedToken): void {
    if (this.maxEntries === 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: the first key is the oldest entry.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // jose refuses a token once now - clockTolerance >= exp; the cache stops serving it at the same moment.
    const exp = verified.principal.expiresAt.getTime() / 1000;
    this.entries.set(token, { verified, usableUntil: exp + this.clockSkewSeconds });
  }
}
