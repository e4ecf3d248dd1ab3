import { CLIENT_ASSERTION_ALGORITHMS, type AuthServerConfig } from '@oauth/config';

/**
 * RFC 8414 §2: what this server implements, and nothing it does not. `grantTypes` are the token endpoint's grants,
 * extension grants included; `scopesSupported` is left out when the client registry cannot list scopes.
 */
export function authorizationServerMetadata(
  config: AuthServerConfig,
  grantTypes: readonly string[],
  scopesSupported: string[] | undefined,
) {
  return {
    issuer: config.issuer,
    authorization_endpoint: `${config.issuer}/authorize`,
    token_endpoint: `${config.issuer}/token`,
    jwks_uri: `${config.issuer}/.well-known/jwks.json`,
    grant_types_supported: [...grantTypes],
    // `none`: public clients, for the authorization_code grant only.
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
    // RFC 8414 §2: the algorithms private_key_jwt assertions may be signed with; never `none` or HMAC.
    token_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGORITHMS],
    ...(scopesSupported === undefined ? {} : { scopes_supported: scopesSupported }),
    revocation_endpoint: `${config.issuer}/revoke`,
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    introspection_endpoint: `${config.issuer}/introspect`,
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    response_types_supported: ['code'],
    // OAuth 2.1: PKCE for every client, S256 only.
    code_challenge_methods_supported: ['S256'],
    // RFC 9207 §3: every authorization response carries `iss`.
    authorization_response_iss_parameter_supported: true,
  };
}
