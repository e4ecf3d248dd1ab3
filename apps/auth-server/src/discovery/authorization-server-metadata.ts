import { CLIENT_ASSERTION_ALGORITHMS, type AuthServerConfig } from '@oauth/config';

/** RFC 8414 §2: what this server implements, and nothing it does not. */
export function authorizationServerMetadata(config: AuthServerConfig, scopesSupported: string[]) {
  return {
    issuer: config.issuer,
    token_endpoint: `${config.issuer}/token`,
    jwks_uri: `${config.issuer}/.well-known/jwks.json`,
    grant_types_supported: ['client_credentials', 'refresh_token'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    // RFC 8414 §2: the algorithms private_key_jwt assertions may be signed with; never `none` or HMAC.
    token_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGORITHMS],
    scopes_supported: scopesSupported,
    // RFC 8414 §2 requires the member; with no authorization endpoint yet, no response type is supported.
    response_types_supported: [],
  };
}
