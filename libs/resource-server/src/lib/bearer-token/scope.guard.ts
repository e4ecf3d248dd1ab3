import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { insufficientScope, missingToken } from '@oauth/oauth-errors';
import type { ResolvedResourceServerOptions } from '../resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from '../resource-server.tokens';
import { AccessTokenPrincipal } from './access-token-principal';
import { REQUIRED_SCOPES } from './required-scopes.metadata';

/** Runs after the token is verified: the token must grant every scope the route requires. */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(RESOURCE_SERVER_OPTIONS) private readonly options: Pick<ResolvedResourceServerOptions, 'realm'>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const required =
      this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    const realm = this.options.realm;
    const principal = context.switchToHttp().getRequest<{ user?: unknown }>().user;
    if (!(principal instanceof AccessTokenPrincipal)) throw missingToken(realm);
    const missing = required.filter((scope) => !principal.scopes.has(scope));
    // RFC 6750 §3.1: 403 insufficient_scope, naming the scope(s) a new token would need.
    if (missing.length > 0) throw insufficientScope(realm, missing.join(' '));
    return true;
  }
}
