import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { insufficientScope, invalidBearerRequest, missingToken } from '@oauth/oauth-errors';
import { AdminTokenVerifier, SERVER_AUDIENCE, type AdminCaller } from './admin-token.verifier';

/** The scope every operator endpoint requires. */
export const SERVER_ADMIN_SCOPE = 'server.admin';

/** RFC 6750 §2.1: `Bearer` then a b64token. */
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The request of an admin endpoint, once the guard has let it through. */
export interface AdminRequest extends FastifyRequest {
  adminCaller?: AdminCaller;
}

/**
 * Lets a request through only with a valid access token of this server carrying `server.admin`:
 * 401 without or with a bad token, 403 `insufficient_scope` without the scope (RFC 6750 §3.1).
 */
@Injectable()
export class ServerAdminGuard implements CanActivate {
  constructor(private readonly verifier: AdminTokenVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const authorization = request.headers.authorization;
    if (authorization === undefined || !/^bearer\b/i.test(authorization)) throw missingToken(SERVER_AUDIENCE);
    const match = BEARER.exec(authorization);
    if (!match) throw invalidBearerRequest(SERVER_AUDIENCE, 'The Authorization header is not a valid Bearer token');
    const caller = await this.verifier.verify(match[1]);
    if (!caller.scopes.has(SERVER_ADMIN_SCOPE)) throw insufficientScope(SERVER_AUDIENCE, SERVER_ADMIN_SCOPE);
    request.adminCaller = caller;
    return true;
  }
}
