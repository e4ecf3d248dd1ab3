/** Injection token of the validated `ResourceApiConfig`. */
export const RESOURCE_API_CONFIG = Symbol('RESOURCE_API_CONFIG');
