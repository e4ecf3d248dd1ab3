import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AccessTokenPrincipal } from './access-token-principal';

/** The AccessTokenPrincipal that BearerTokenGuard validated; only on routes behind RequireToken/RequireScopes. */
export const Principal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessTokenPrincipal =>
    context.switchToHttp().getRequest<{ user: AccessTokenPrincipal }>().user,
);
