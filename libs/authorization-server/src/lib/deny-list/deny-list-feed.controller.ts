import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { OAuthError, invalidRequest } from '@oauth/oauth-errors';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import { DenyListRepository, type DenyListKind } from './deny-list.repository';
import { DenyListFeedOpenApi } from './deny-list-feed.openapi';

/** The registered scope that lets a client (a resource server) read the feed. */
export const DENY_LIST_READ_SCOPE = 'server.deny-list';

export interface DenyListFeedResponse {
  /** Opaque: pass it back as `since` on the next call. */
  cursor: string;
  entries: { type: DenyListKind; value: string; exp: number }[];
}

/**
 * `GET /deny-list?since=<cursor>`: what resource servers must refuse, for their in-memory deny-lists
 * (ADR 0006). Callers authenticate as clients with HTTP Basic and must be registered for `server.deny-list`.
 */
@Controller('deny-list')
export class DenyListFeedController {
  constructor(
    private readonly clientAuthenticator: ClientAuthenticator,
    private readonly denyList: DenyListRepository,
  ) {}

  @Get()
  @DenyListFeedOpenApi(DENY_LIST_READ_SCOPE)
  @Header('Cache-Control', 'no-store')
  async changes(@Req() request: FastifyRequest, @Query('since') since?: string): Promise<DenyListFeedResponse> {
    const client = await this.clientAuthenticator.authenticate({
      authorization: request.headers.authorization,
      params: {},
      sourceAddress: request.ip,
    });
    if (!client.allowedScopes.has(DENY_LIST_READ_SCOPE)) {
      throw new OAuthError('access_denied', 403, `The client is not registered for ${DENY_LIST_READ_SCOPE}`);
    }
    const changes = await this.denyList.changesSince(parseCursor(since));
    return {
      cursor: changes.cursor.toISOString(),
      entries: changes.entries.map((entry) => ({
        type: entry.kind,
        value: entry.value,
        exp: Math.ceil(entry.expiresAt.getTime() / 1000),
      })),
    };
  }
}

function parseCursor(since: string | undefined): Date | null {
  if (since === undefined || since === '') return null;
  const cursor = new Date(since);
  if (Number.isNaN(cursor.getTime())) throw invalidRequest('The since parameter is not a cursor of this feed');
  return cursor;
}
