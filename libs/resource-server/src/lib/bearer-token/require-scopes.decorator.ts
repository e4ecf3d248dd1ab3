import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { BearerTokenGuard } from './bearer-token.guard';
import { REQUIRED_SCOPES } from './required-scopes.metadata';
import { ScopeGuard } from './scope.guard';

/** The route needs a valid bearer token, whatever its scopes. */
export const RequireToken = () => UseGuards(BearerTokenGuard);

/** The route needs a valid bearer token granting every scope named, e.g. `@RequireScopes('other.write')`. */
export const RequireScopes = (...scopes: string[]) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), UseGuards(BearerTokenGuard, ScopeGuard));
