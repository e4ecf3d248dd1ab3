import { createHmac, randomBytes } from 'node:crypto';

const MAX_ENTRIES = 10_000;

/**
 * Remembers, for a bounded time, that a presented secret matched a stored bcrypt hash, so the
 * next check costs an HMAC instead of a bcrypt run. Entries are keyed by an HMAC under a key that
 * lives only in this process's memory, over the stored hash and the presented secret: nothing
 * reversible is kept, and a changed secret (a new hash) can never hit an old entry.
 * See docs/adr/0001-verified-secret-cache.md.
 */
export class VerifiedSecretCache {
  private readonly key = randomBytes(32);
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  has(secret: string, hash: string): boolean {
    const entry = this.entryKey(secret, hash);
    const expiry = this.expiries.get(entry);
    if (expiry === undefined) return false;
    if (expiry <= this.now()) {
      this.expiries.delete(entry);
      return false;
    }
    return true;
  }

  remember(secret: string, hash: string): void {
    if (this.ttlMs <= 0) return;
    if (this.expiries.size >= MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    this.expiries.set(this.entryKey(secret, hash), this.now() + this.ttlMs);
  }

  private entryKey(secret: string, hash: string): string {
    return createHmac('sha256', this.key).update(hash).update('\0').update(secret).digest('base64url');
  }
}
