export { ResourceServerModule, type ResourceServerAsyncOptions } from './lib/resource-server.module';
export {
  ResourceServerOptionsError,
  type ResourceServerOptions,
  type DenyListFeedOptions,
} from './lib/resource-server-options';
export { BearerTokenGuard } from './lib/bearer-token/bearer-token.guard';
export { RequireToken, RequireScopes } from './lib/bearer-token/require-scopes.decorator';
export { Principal } from './lib/bearer-token/principal.decorator';
export { AccessTokenPrincipal } from './lib/bearer-token/access-token-principal';
export { ResourceServerHealthIndicator } from './lib/health/resource-server.health-indicator';
export { type KeySetState } from './lib/bearer-token/resilient-jwks.resolver';
export { type DenyListState } from './lib/deny-list/deny-list.cache';
