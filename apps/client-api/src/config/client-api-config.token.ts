/** Injection token of the validated `ClientApiConfig` (see `@oauth/config`). */
export const CLIENT_API_CONFIG = Symbol('CLIENT_API_CONFIG');
