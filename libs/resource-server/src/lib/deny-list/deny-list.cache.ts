import { Inject, Injectable } from '@nestjs/common';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';

/** One entry of the auth server's deny-list feed: a token by `jti`, or every token a key signed, by `kid`. */
export interface DenyListFeedEntry {
  type: 'jti' | 'kid';
  value: string;
  /** Seconds since the epoch after which the entry has nothing left to refuse. */
  exp: number;
}

/**
 * Whether the in-memory deny-list may be trusted: `disabled` when no feed is configured, `stale` once
 * no pull has succeeded for the feed's `maxStalenessSeconds` (or none ever did).
 */
export type DenyListState = 'disabled' | 'fresh' | 'stale';

/**
 * The auth server's deny-list, held in memory so checking a token costs no network or database call
 * (ADR 0006). The poller feeds it; entries drop out once they expire.
 */
@Injectable()
export class DenyListCache {
  private readonly denied = { jti: new Map<string, number>(), kid: new Map<string, number>() };
  private lastSyncAt?: number;

  constructor(@Inject(RESOURCE_SERVER_OPTIONS) private readonly options: ResolvedResourceServerOptions) {}

  apply(entries: readonly DenyListFeedEntry[], now = Date.now()): void {
    for (const entry of entries) this.denied[entry.type].set(entry.value, entry.exp);
    this.prune(now);
    this.lastSyncAt = now;
  }

  refuses(jti: string, kid: string | undefined): boolean {
    return this.denied.jti.has(jti) || (kid !== undefined && this.denied.kid.has(kid));
  }

  /** Stale once no sync succeeded for the feed's maxStalenessSeconds (or none ever did). */
  state(now = Date.now()): DenyListState {
    if (!this.options.denyList) return 'disabled';
    const maxStalenessMs = this.options.denyList.maxStalenessSeconds * 1000;
    return this.lastSyncAt !== undefined && now - this.lastSyncAt <= maxStalenessMs ? 'fresh' : 'stale';
  }

  private prune(now: number): void {
    const nowSeconds = now / 1000;
    for (const entries of [this.denied.jti, this.denied.kid]) {
      for (const [value, exp] of entries) if (exp < nowSeconds) entries.delete(value);
    }
  }
}
