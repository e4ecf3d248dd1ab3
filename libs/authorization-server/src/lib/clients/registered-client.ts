import type { JSONWebKeySet } from 'jose';
import type { ClientAssertionAlgorithm } from '@oauth/config';
import type { ScopeSet } from '@oauth/scopes';

/** RFC 7591 §2 token_endpoint_auth_method values this server knows. */
export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'none';

/** A registered client, as grants and client authentication see it (RFC 7591 §2 metadata). */
export interface RegisteredClient {
  clientId: string;
  clientName: string | null;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** bcrypt hash of the secret; null for clients that authenticate without one. */
  secretHash: string | null;
  /** After a secret rotation, the replaced secret's hash, valid until `previousSecretExpiresAt`. */
  previousSecretHash: string | null;
  previousSecretExpiresAt: Date | null;
  grantTypes: readonly string[];
  /** The scopes the client may be granted. */
  allowedScopes: ScopeSet;
  redirectUris: readonly string[];
  jwks: JSONWebKeySet | null;
  jwksUri: string | null;
  /** The one algorithm its client assertions may use; null: any of CLIENT_ASSERTION_ALGORITHMS. */
  tokenEndpointAuthSigningAlg: ClientAssertionAlgorithm | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A client as it is written to the registry. */
export interface ClientRegistration {
  clientId: string;
  clientName?: string | null;
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  secretHash: string | null;
  grantTypes: readonly string[];
  scope: string;
  redirectUris?: readonly string[];
  jwks?: JSONWebKeySet | null;
  jwksUri?: string | null;
  tokenEndpointAuthSigningAlg?: ClientAssertionAlgorithm | null;
}
