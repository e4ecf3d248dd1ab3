export { OAuthError } from './lib/oauth.error';
export {
  invalidRequest,
  invalidClient,
  invalidGrant,
  unauthorizedClient,
  unsupportedGrantType,
  invalidScope,
  serverError,
  temporarilyUnavailable,
  slowDown,
} from './lib/token-endpoint.errors';
export { missingToken, invalidToken, insufficientScope, invalidBearerRequest } from './lib/bearer.errors';
export { OAuthErrorFilter } from './lib/oauth-error.filter';
