export { createApp } from './lib/bootstrap/create-app';
export { AuthorizationServerModule } from './lib/app/authorization-server.module';
export type { AuthorizationServerExtensions } from './lib/app/authorization-server-extensions';
export type { AccessTokenClaimsHook, AccessTokenClaimsContext } from './lib/token/access-token-claims.hook';
export { ClientRegistry } from './lib/clients/client-registry';
export type { RegisteredClient, TokenEndpointAuthMethod } from './lib/clients/registered-client';
export type { Grant } from './lib/token/grants/grant';
export {
  TokenIssuer,
  type AccessTokenRequest,
  type AccessTokenTicket,
  type PreparedAccessToken,
} from './lib/token/token-issuer';
export type { TokenRequestParams } from './lib/token/token-request';
export type { TokenResponse } from './lib/token/token-response';
export { ScopePolicy, type ScopeRequest, type GrantedScope } from './lib/token/scope-policy';
export { AudienceScopePolicy } from './lib/token/audience-scope.policy';
