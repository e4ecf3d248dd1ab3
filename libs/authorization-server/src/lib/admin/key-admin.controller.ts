import { Controller, Header, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { OAuthError } from '@oauth/oauth-errors';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { DenyListRepository } from '../deny-list/deny-list.repository';
import { KeyLifecycle } from '../keys/key-lifecycle';
import { KeyRefreshScheduler } from '../keys/key-refresh.scheduler';
import { retiredKeyHorizonSeconds } from '../keys/key-timing';
import { RevokeKeyOpenApi, RotateKeyOpenApi, ServerAdminOpenApi } from './admin.openapi';
import { ServerAdminGuard } from './server-admin.guard';

/** Operator actions on signing keys (scope `server.admin`); see ADR 0007. */
@Controller()
@UseGuards(ServerAdminGuard)
@ServerAdminOpenApi('operator')
export class KeyAdminController {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly lifecycle: KeyLifecycle,
    private readonly refresher: KeyRefreshScheduler,
    private readonly denyList: DenyListRepository,
  ) {}

  /** Emergency rotation: the next key (already published, if any) or a fresh one signs from now on. */
  @Post('rotate-key')
  @RotateKeyOpenApi()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async rotate(): Promise<{ kid: string; previous_kid: string | null }> {
    const rotation = await this.lifecycle.rotateNow();
    await this.refresher.refreshNow();
    return { kid: rotation.kid, previous_kid: rotation.previousKid };
  }

  /**
   * Unpublishes the key at once and deny-lists its kid, so resource servers refuse every token it
   * signed within their deny-list propagation bound, whatever JWKS they have cached.
   */
  @Post('revoke-key/:kid')
  @RevokeKeyOpenApi()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async revoke(@Param('kid') kid: string): Promise<{ kid: string; status: 'revoked' }> {
    const now = new Date();
    // Tokens it signed live at most this long; after that the entry has nothing left to refuse.
    const expiresAt = new Date(now.getTime() + retiredKeyHorizonSeconds(this.config) * 1000);
    const revoked = await this.lifecycle.revoke(
      kid,
      (manager) => this.denyList.deny([{ kind: 'kid', value: kid, expiresAt }], manager),
      now,
    );
    if (!revoked) throw new OAuthError('not_found', 404, 'No signing key has this kid');
    await this.refresher.refreshNow();
    return { kid, status: 'revoked' };
  }
}
