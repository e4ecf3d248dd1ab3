import { Injectable } from '@nestjs/common';
import { tokensDenyListed } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';
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
    private readonly audit: AuditLog,
  ) {}

  async revoke(familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId);
    const live = await this.refreshTokens.liveAccessTokens(familyId);
    const entries = live.map((token) => ({ kind: 'jti' as const, value: token.jti, expiresAt: token.expiresAt }));
    await this.denyList.deny(entries);
    if (entries.length > 0) {
      this.audit.record(tokensDenyListed(entries, 'refresh_token_family_ended', null, { family_id: familyId }));
    }
  }
}
