import type { RegisteredClient } from '../../clients/registered-client';

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * RFC 7591 §3.2.1 client information: the registered metadata, never a secret or its hash. The create and
 * rotate answers add the plain secret, which the server shows that once.
 */
export function clientRegistrationResponse(client: RegisteredClient) {
  return {
    client_id: client.clientId,
    client_id_issued_at: epochSeconds(client.createdAt),
    ...(client.clientName !== null ? { client_name: client.clientName } : {}),
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    grant_types: [...client.grantTypes],
    scope: client.allowedScopes.toString(),
    redirect_uris: [...client.redirectUris],
    ...(client.jwks ? { jwks: client.jwks } : {}),
    ...(client.jwksUri ? { jwks_uri: client.jwksUri } : {}),
    ...(client.tokenEndpointAuthSigningAlg
      ? { token_endpoint_auth_signing_alg: client.tokenEndpointAuthSigningAlg }
      : {}),
    updated_at: epochSeconds(client.updatedAt),
  };
}

/** RFC 7591 §3.2.1: with a secret, client_secret_expires_at is required; 0 means it does not expire. */
export function withSecret<T extends object>(response: T, secret: string) {
  return { ...response, client_secret: secret, client_secret_expires_at: 0 };
}
