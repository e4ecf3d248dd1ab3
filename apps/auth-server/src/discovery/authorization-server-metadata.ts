import type { AuthServerConfig } from '@oauth/config';

/** RFC 8414 §2: what this server implements, and nothing it does not. */
export function authorizationServerMetadata(config: AuthServerConfig, scopesSupported: string[]) {
  return {
    issuer: config.issuer,
    token_endpoint: `${config.issuer}/token`,
    jwks_uri: `${config.issuer}/.well-known/jwks.json`,
    grant_types_supported: ['client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: scopesSupported,
    revocation_endpoint: `${config.issuer}/revoke`,
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    introspection_endpoint: `${config.issuer}/introspect`,
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    // RFC 8414 §2 requires the member; with no authorization endpoint yet, no response type is supported.
    response_types_supported: [],
  };
}
