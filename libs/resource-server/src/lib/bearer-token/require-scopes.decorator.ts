import { applyDecorators, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { BearerErrorFilter } from './bearer-error.filter';
import { BearerTokenGuard } from './bearer-token.guard';
import { REQUIRED_SCOPES } from './required-scopes.metadata';

/**
 * The route (or every route of the controller) needs a valid bearer token, whatever its scopes.
 * Without one it answers 401 with an RFC 6750 §3 `WWW-Authenticate: Bearer` challenge.
 */
export const RequireToken = () => applyDecorators(UseGuards(BearerTokenGuard), UseFilters(BearerErrorFilter));

/**
 * The route (or every route of the controller) needs a valid bearer token granting every scope named,
 * e.g. `@RequireScopes('other.write')`; a valid token without them answers 403 `insufficient_scope`
 * (RFC 6750 §3.1).
 */
export const RequireScopes = (...scopes: string[]) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), RequireToken());
