/** Injection token of the ClientRegistryCache shared by the caching repository and the change listener. */
export const CLIENT_REGISTRY_CACHE = Symbol('CLIENT_REGISTRY_CACHE');
