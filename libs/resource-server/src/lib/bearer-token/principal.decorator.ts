import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AccessTokenPrincipal } from './access-token-principal';

/**
 * The AccessTokenPrincipal of the verified token, e.g. `@Principal() principal: AccessTokenPrincipal`;
 * only on routes behind `RequireToken()` or `RequireScopes()`.
 */
export const Principal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessTokenPrincipal =>
    context.switchToHttp().getRequest<{ user: AccessTokenPrincipal }>().user,
);
