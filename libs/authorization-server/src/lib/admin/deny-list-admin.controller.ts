import { Body, Controller, Header, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import type { AuthServerConfig } from '@oauth/config';
import { invalidRequest } from '@oauth/oauth-errors';
import { tokensDenyListed } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { DenyListRepository } from '../deny-list/deny-list.repository';
import { retiredKeyHorizonSeconds } from '../keys/key-timing';
import { DenyListAdminOpenApi, ServerAdminOpenApi } from './admin.openapi';
import { ServerAdminGuard } from './server-admin.guard';

const body = z.union([
  z.object({ jti: z.string().min(1).max(255), exp: z.number().int().positive() }).strict(),
  z.object({ token: z.string().min(1).max(8_192) }).strict(),
]);

/** `POST /blacklist` (scope `server.admin`): deny-lists any access token, by `jti` and `exp` or the token itself. */
@Controller('blacklist')
@UseGuards(ServerAdminGuard)
@ServerAdminOpenApi('operator')
export class DenyListAdminController {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly denyList: DenyListRepository,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @DenyListAdminOpenApi()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async deny(@Body() request: unknown): Promise<{ jti: string; exp: number }> {
    const { jti, exp } = this.readToken(request);
    // No token of this server outlives the longest access-token lifetime, so neither needs its entry.
    const latest = Math.floor(Date.now() / 1000) + retiredKeyHorizonSeconds(this.config);
    const until = Math.min(exp, latest);
    const entries = [{ kind: 'jti' as const, value: jti, expiresAt: new Date(until * 1000) }];
    await this.denyList.deny(entries);
    this.audit.record(tokensDenyListed(entries, 'operator'));
    return { jti, exp: until };
  }

  private readToken(request: unknown): { jti: string; exp: number } {
    const parsed = body.safeParse(request);
    if (!parsed.success) throw invalidRequest('Send a JSON body with "jti" and "exp", or with "token"');
    if ('jti' in parsed.data) return parsed.data;
    try {
      // The operator may deny-list any token: no signature check is needed to take its jti and exp.
      const { jti, exp } = decodeJwt(parsed.data.token);
      if (typeof jti === 'string' && jti !== '' && typeof exp === 'number') return { jti, exp };
    } catch {
      // Answered below, like a token without the claims.
    }
    throw invalidRequest('The token is not a JWT with jti and exp claims');
  }
}
