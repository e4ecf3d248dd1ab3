export { ConfigError } from './lib/load-config';
export { enabledLogLevels, type LogLevel } from './lib/env-values';
export {
  loadAuthServerConfig,
  AUTH_SERVER_VARIABLES,
  type AuthServerConfig,
  CLIENT_ASSERTION_ALGORITHMS,
  type ClientAssertionAlgorithm,
  type DeclaredClient,
} from './lib/auth-server.config';
export { loadResourceApiConfig, RESOURCE_API_VARIABLES, type ResourceApiConfig } from './lib/resource-api.config';
export { loadClientApiConfig, CLIENT_API_VARIABLES, type ClientApiConfig } from './lib/client-api.config';
