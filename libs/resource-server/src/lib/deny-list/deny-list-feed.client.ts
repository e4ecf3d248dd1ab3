import { Inject, Injectable } from '@nestjs/common';
import type { ResourceApiConfig } from '@oauth/config';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';
import type { DenyListFeedEntry } from './deny-list.cache';
import { DenyListCredentials } from './deny-list-credentials';

const FEED_TIMEOUT_MS = 5_000;

/** One page of `GET /deny-list` at the auth server. */
export interface DenyListFeedPage {
  cursor: string;
  entries: DenyListFeedEntry[];
}

/** RFC 6749 §2.3.1: each part is form-url-encoded before it is joined and base64-encoded. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** Reads the auth server's deny-list feed, authenticating as this resource server's client (ADR 0006). */
@Injectable()
export class DenyListFeedClient {
  constructor(
    @Inject(RESOURCE_API_CONFIG) private readonly config: ResourceApiConfig,
    private readonly credentials: DenyListCredentials,
  ) {}

  async changesSince(cursor: string | undefined): Promise<DenyListFeedPage> {
    const { url, clientId } = this.config.denyList;
    const clientSecret = await this.credentials.secret();
    const target = new URL(url);
    if (cursor !== undefined) target.searchParams.set('since', cursor);
    const credentials = Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64');
    const response = await fetch(target, {
      headers: { authorization: `Basic ${credentials}`, accept: 'application/json' },
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
