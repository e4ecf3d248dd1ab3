import { Inject, Injectable } from '@nestjs/common';
import { encodeBasicCredentials } from '@oauth/tokens';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';
import type { DenyListFeedEntry } from './deny-list.cache';

const FEED_TIMEOUT_MS = 5_000;

/** One page of `GET /deny-list` at the auth server. */
export interface DenyListFeedPage {
  cursor: string;
  entries: DenyListFeedEntry[];
}

/** Reads the auth server's deny-list feed, authenticating as this resource server's client (ADR 0006). */
@Injectable()
export class DenyListFeedClient {
  constructor(@Inject(RESOURCE_SERVER_OPTIONS) private readonly options: ResolvedResourceServerOptions) {}

  async changesSince(cursor: string | undefined): Promise<DenyListFeedPage> {
    const feed = this.options.denyList;
    if (!feed) throw new Error('no deny-list feed is configured');
    const target = new URL(feed.url);
    if (cursor !== undefined) target.searchParams.set('since', cursor);
    const response = await fetch(target, {
      headers: {
        // ADR 0006: HTTP Basic client authentication on every pull (RFC 6749 §2.3.1).
        authorization: encodeBasicCredentials(feed.clientId, await feed.clientSecret()),
        accept: 'application/json',
      },
      signal: AbortSignal.timeout(FEED_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the deny-list feed answered ${response.status}`);
    const page = (await response.json()) as DenyListFeedPage;
    if (typeof page.cursor !== 'string' || !Array.isArray(page.entries)) {
      throw new Error('the deny-list feed answered an unexpected body');
    }
    return page;
  }
}
