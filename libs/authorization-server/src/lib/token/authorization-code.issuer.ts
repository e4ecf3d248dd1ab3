import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { generateOpaqueToken, hashToken } from '@oauth/tokens';
import { AuthorizationCodeRepository } from './authorization-code.repository';
import type { GrantedScope } from './scope-policy';

/** RFC 6749 §4.1.2 recommends at most ten minutes; OAuth 2.1 codes are short-lived and this one lives 60 s. */
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;

/** What a code is bound to: checked again when it is redeemed. */
export interface CodeBinding {
  clientId: string;
  userId: string;
  redirectUri: string;
  granted: GrantedScope;
  codeChallenge: string;
}

/** Issues authorization codes: 256 random bits, of which only the SHA-256 is stored. */
@Injectable()
export class AuthorizationCodeIssuer {
  constructor(private readonly codes: AuthorizationCodeRepository) {}

  async issue(binding: CodeBinding): Promise<string> {
    const code = generateOpaqueToken();
    await this.codes.create({
      codeHash: hashToken(code),
      clientId: binding.clientId,
      userId: binding.userId,
      redirectUri: binding.redirectUri,
      scope: binding.granted.scopes.toString(),
      audience: binding.granted.audience,
      codeChallenge: binding.codeChallenge,
      refreshTokenFamilyId: randomUUID(),
      expiresAt: new Date(Date.now() + AUTHORIZATION_CODE_TTL_SECONDS * 1000),
    });
    return code;
  }
}
