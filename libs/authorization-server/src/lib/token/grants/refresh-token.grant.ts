import { Inject, Injectable, Optional } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { invalidGrant, invalidScope } from '@oauth/oauth-errors';
import { ScopeSet, ScopeSyntaxError } from '@oauth/scopes';
import { generateOpaqueToken, hashToken } from '@oauth/tokens';
import { refreshTokenReuseDetected } from '../../audit/audit-events';
import { AuditLog } from '../../audit/audit-log';
import type { RegisteredClient } from '../../clients/registered-client';
import { AUTH_SERVER_CONFIG } from '../../config/auth-server-config.token';
import { ACCESS_TOKEN_CLAIMS_HOOK, type AccessTokenClaimsHook } from '../access-token-claims.hook';
import { RefreshTokenFamilyRevoker } from '../refresh-token-family.revoker';
import { RefreshTokenRepository, type StoredRefreshToken } from '../refresh-token.repository';
import type { GrantedScope } from '../scope-policy';
import { familyAccessToken, TokenIssuer } from '../token-issuer';
import { requireParameter, type TokenRequestParams } from '../token-request';
import type { TokenResponse } from '../token-response';
import type { Grant } from './grant';

/** RFC 6749 §6 with rotation on every use (RFC 9700 §4.14.2). */
@Injectable()
export class RefreshTokenGrant implements Grant {
  readonly grantType = 'refresh_token';

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly families: RefreshTokenFamilyRevoker,
    private readonly issuer: TokenIssuer,
    private readonly audit: AuditLog,
    @Optional() @Inject(ACCESS_TOKEN_CLAIMS_HOOK) private readonly claimsHook: AccessTokenClaimsHook | null = null,
  ) {}

  async handle(params: TokenRequestParams, client: RegisteredClient): Promise<TokenResponse> {
    const presented = requireParameter(params, 'refresh_token');
    // A claims hook needs the stored token's subject and scope before the rotation (so that a failing hook consumes
    // nothing), which the one-step rotation only returns after it.
    if (params['scope'] === undefined && this.claimsHook === null) {
      const response = await this.rotateInOneStep(presented, client);
      if (response) return response;
    }
    const retried = await this.findRetriedParent(presented, client);
    const stored = retried ?? (await this.findUsableToken(presented, client));
    const granted = this.narrowScope(params['scope'], stored, client);
    // Prepared before the rotation: a failing claims hook leaves the presented token usable.
    const prepared = await this.issuer.prepare({ client, grantType: this.grantType, subject: stored.subject, granted });
    const replacement = generateOpaqueToken();
    const next = { tokenHash: hashToken(replacement), expiresAt: this.issuer.refreshTokenExpiry() };
    const rotated = retried
      ? await this.refreshTokens.reissueChild(stored.id, next)
      : await this.refreshTokens.rotate(stored.id, next);
    if (!rotated) {
      // Another request rotated it between our read and our write: the same token was used twice.
      await this.revokeFamily(stored, client);
      throw invalidGrant('The refresh token is invalid');
    }
    return this.issuer.respond(prepared, replacement);
  }

  /**
   * The common case, a usable token presented without `scope`, costs one database statement. Null when the token is
   * not usable as it stands: the checks below then say why and react to reuse. A client that has since lost every
   * scope of the token gets invalid_scope after the rotation; its new refresh token was never handed out.
   */
  private async rotateInOneStep(presented: string, client: RegisteredClient): Promise<TokenResponse | null> {
    const replacement = generateOpaqueToken();
    const next = { tokenHash: hashToken(replacement), expiresAt: this.issuer.refreshTokenExpiry() };
    const ticket = this.issuer.newTicket();
    const rotated = await this.refreshTokens.rotateUsable(
      hashToken(presented),
      client.clientId,
      next,
      familyAccessToken(ticket),
    );
    if (!rotated) return null;
    const granted = this.narrowScope(undefined, rotated, client);
    const request = { client, grantType: this.grantType, subject: rotated.subject, granted };
    return this.issuer.respondRecorded(await this.issuer.prepare(request, ticket), replacement);
  }

  /**
   * REFRESH_TOKEN_REUSE_GRACE: the parent of a token rotated moments ago, presented again by its client,
   * is a retry after a lost response rather than theft, as long as the child it received was never
   * used. It is answered with a fresh pair; the lost child is revoked in the same step (ADR 0006).
   */
  private async findRetriedParent(presented: string, client: RegisteredClient): Promise<StoredRefreshToken | null> {
    const graceMs = this.config.refreshTokenFamilies.reuseGraceSeconds * 1000;
    if (graceMs === 0) return null;
    const stored = await this.refreshTokens.findByHash(hashToken(presented));
    if (!stored || stored.clientId !== client.clientId || stored.revokedAt !== null || stored.rotatedAt === null) {
      return null;
    }
    const withinGrace = Date.now() - stored.rotatedAt.getTime() < graceMs;
    return withinGrace && stored.expiresAt.getTime() > Date.now() ? stored : null;
  }

  private async findUsableToken(presented: string, client: RegisteredClient): Promise<StoredRefreshToken> {
    const stored = await this.refreshTokens.findByHash(hashToken(presented));
    // RFC 6749 §6: the token must have been issued to the authenticated client.
    if (!stored || stored.clientId !== client.clientId) throw invalidGrant('The refresh token is invalid');
    if (stored.rotatedAt !== null && stored.revokedAt === null) {
      // RFC 9700 §4.14.2: a rotated token presented again means it leaked; end the whole family.
      await this.revokeFamily(stored, client);
    }
    if (stored.rotatedAt !== null || stored.revokedAt !== null || stored.expiresAt.getTime() <= Date.now()) {
      throw invalidGrant('The refresh token is invalid');
    }
    return stored;
  }

  /**
   * RFC 6749 §6: a requested scope may only narrow the original one. The new refresh token keeps
   * the original scope; only the access token is narrowed. A scope the client has since lost is dropped.
   */
  private narrowScope(
    requested: string | undefined,
    stored: StoredRefreshToken,
    client: RegisteredClient,
  ): GrantedScope {
    const original = ScopeSet.parse(stored.scope);
    const scopes = requested === undefined ? original : this.parseRequested(requested);
    if (!scopes.isSubsetOf(original)) throw invalidScope('The requested scope exceeds the one originally granted');
    const stillAllowed = ScopeSet.of(scopes.values().filter((scope) => client.allowedScopes.has(scope)));
    if (stillAllowed.isEmpty) throw invalidScope('The client is no longer allowed any of these scopes');
    return { scopes: stillAllowed, audience: stored.audience };
  }

  private parseRequested(requested: string): ScopeSet {
    try {
      const scopes = ScopeSet.parse(requested);
      if (scopes.isEmpty) throw invalidScope('The scope parameter is empty');
      return scopes;
    } catch (error) {
      if (error instanceof ScopeSyntaxError) throw invalidScope(error.message);
      throw error;
    }
  }

  private async revokeFamily(stored: StoredRefreshToken, client: RegisteredClient): Promise<void> {
    await this.families.revoke(stored.familyId);
    this.audit.record(refreshTokenReuseDetected(stored.familyId, client.clientId, stored.subject));
  }
}
