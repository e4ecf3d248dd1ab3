import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AudienceScopePolicy,
  createApp,
  ScopePolicy,
  type GrantedScope,
  type ScopeRequest,
} from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { invalidScope } from '@oauth/oauth-errors';

/**
 * Grants the requested scopes the client may have and drops the others, where the default policy refuses the whole
 * request. RFC 6749 §3.3 allows this: the token response's `scope` tells the client what it got.
 */
@Injectable()
export class PartialScopePolicy extends ScopePolicy {
  private readonly audienceRule = new AudienceScopePolicy();

  grant({ requested, client, grantType }: ScopeRequest): GrantedScope {
    const allowed = (requested ?? '').split(' ').filter((scope) => client.allowedScopes.has(scope));
    if (allowed.length === 0) throw invalidScope('None of the requested scopes is allowed for this client');
    // The audience.permission rule still applies to what is left: one audience per token.
    return this.audienceRule.grant({ requested: allowed.join(' '), client, grantType });
  }
}

/** What your main.ts calls instead of the plain createApp(config). */
export function createAuthorizationServer(env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> {
  return createApp(loadAuthServerConfig(env), { scopePolicy: PartialScopePolicy });
}
