export { ConfigError } from './lib/load-config';
export { enabledLogLevels, type LogLevel } from './lib/env-values';
export { loadAuthServerConfig, type AuthServerConfig, type DeclaredClient } from './lib/auth-server.config';
export { loadResourceApiConfig, type ResourceApiConfig } from './lib/resource-api.config';
export { loadClientApiConfig, type ClientApiConfig } from './lib/client-api.config';
