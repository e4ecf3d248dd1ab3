import { Injectable } from '@nestjs/common';
import { DenyListRepository } from '../deny-list/deny-list.repository';
import { RefreshTokenRepository } from './refresh-token.repository';

/**
 * Ends a refresh-token family: its refresh tokens are revoked and the access tokens issued with them
 * that are still live go on the deny-list, so resource servers refuse them too (RFC 7009 §2.1,
 * RFC 9700 §4.14.2).
 */
@Injectable()
export class RefreshTokenFamilyRevoker {
  constructor(
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly denyList: DenyListRepository,
  ) {}

  async revoke(familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId);
    const live = await this.refreshTokens.liveAccessTokens(familyId);
    await this.denyList.deny(live.map((token) => ({ kind: 'jti', value: token.jti, expiresAt: token.expiresAt })));
  }
}
