/** Injection token of the ResolvedResourceServerOptions. */
export const RESOURCE_SERVER_OPTIONS = Symbol('RESOURCE_SERVER_OPTIONS');
