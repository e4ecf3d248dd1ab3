/** Injection token for the validated AuthServerConfig from `@oauth/config`. */
export const AUTH_SERVER_CONFIG = Symbol('AUTH_SERVER_CONFIG');
