import { Controller, Header, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { tokensDenyListed } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import type { RegisteredClient } from '../clients/registered-client';
import { DenyListRepository } from '../deny-list/deny-list.repository';
import { IssuedTokenReader } from '../introspection/issued-token.reader';
import { RefreshTokenFamilyRevoker } from '../token/refresh-token-family.revoker';
import { rejectDuplicateParameters, requireFormBody, requireParameter } from '../token/token-request';
import { RevocationEndpointOpenApi } from './revocation.openapi';

/**
 * RFC 7009 token revocation. A refresh token ends its whole family (and the family's live access
 * tokens); an access token goes on the deny-list until it expires. RFC 7009 §2.2: an invalid, unknown
 * or foreign token is answered 200 as well, and nothing is revoked.
 */
@Controller('revoke')
export class RevocationController {
  constructor(
    private readonly clientAuthenticator: ClientAuthenticator,
    private readonly tokens: IssuedTokenReader,
    private readonly denyList: DenyListRepository,
    private readonly families: RefreshTokenFamilyRevoker,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @RevocationEndpointOpenApi()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async revoke(@Req() request: FastifyRequest): Promise<Record<string, never>> {
    const params = rejectDuplicateParameters(requireFormBody(request.headers['content-type'], request.body));
    const client = await this.clientAuthenticator.authenticate({
      authorization: request.headers.authorization,
      params,
      sourceAddress: request.ip,
    });
    const token = requireParameter(params, 'token');
    await this.revokeAccessToken(token, client);
    await this.revokeRefreshToken(token, client);
    return {};
  }

  private async revokeAccessToken(token: string, client: RegisteredClient): Promise<void> {
    const claims = await this.tokens.accessToken(token);
    // RFC 7009 §2.1: the server verifies that the token was issued to the client making the request.
    if (!claims || claims.clientId !== client.clientId) return;
    const entries = [{ kind: 'jti' as const, value: claims.jti, expiresAt: new Date(claims.exp * 1000) }];
    await this.denyList.deny(entries);
    this.audit.record(tokensDenyListed(entries, 'revoked_by_client', client.clientId));
  }

  private async revokeRefreshToken(token: string, client: RegisteredClient): Promise<void> {
    const stored = await this.tokens.refreshToken(token);
    if (!stored || stored.clientId !== client.clientId) return;
    await this.families.revoke(stored.familyId);
  }
}
