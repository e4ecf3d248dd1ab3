import type { JSONWebKeySet } from 'jose';
import { z } from 'zod';
import { CLIENT_ASSERTION_ALGORITHMS, type ClientAssertionAlgorithm } from '@oauth/config';
import { OAuthError } from '@oauth/oauth-errors';
import { ScopeSet } from '@oauth/scopes';
import { parsePublicJwks } from '../../clients/client-keys';

/** The grants a client can be registered for: the ones the token endpoint implements. */
export const REGISTRABLE_GRANT_TYPES = ['client_credentials', 'refresh_token'] as const;

/** The methods the admin API registers; `none` (public clients) comes with the authorization-code flow. */
export const REGISTRABLE_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type RegistrableAuthMethod = (typeof REGISTRABLE_AUTH_METHODS)[number];

/** Client metadata as the admin API takes it, after validation. */
export interface ClientMetadata {
  clientName: string | null;
  tokenEndpointAuthMethod: RegistrableAuthMethod;
  grantTypes: string[];
  scope: string;
  redirectUris: string[];
  jwks: JSONWebKeySet | null;
  jwksUri: string | null;
  tokenEndpointAuthSigningAlg: ClientAssertionAlgorithm | null;
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** RFC 7591 §2 field names. Unknown fields are ignored, as RFC 7591 §2 asks. */
const schema = z
  .object({
    client_id: z.string().optional(),
    client_name: z.string().min(1).max(200).optional(),
    token_endpoint_auth_method: z.enum(REGISTRABLE_AUTH_METHODS).default('client_secret_basic'),
    grant_types: z.array(z.enum(REGISTRABLE_GRANT_TYPES)).min(1).default(['client_credentials']),
    scope: z.string().max(2_000).default(''),
    redirect_uris: z.array(httpUrl).max(20).default([]),
    jwks: z.unknown().optional(),
    jwks_uri: httpUrl.optional(),
    token_endpoint_auth_signing_alg: z.enum(CLIENT_ASSERTION_ALGORITHMS).optional(),
  })
  .superRefine((body, ctx) => {
    try {
      ScopeSet.parse(body.scope);
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: (error as Error).message });
    }
    if (body.jwks !== undefined) {
      try {
        parsePublicJwks(body.jwks);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['jwks'], message: (error as Error).message });
      }
    }
    const keySources = Number(body.jwks !== undefined) + Number(body.jwks_uri !== undefined);
    if (body.token_endpoint_auth_method === 'private_key_jwt' && keySources !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['jwks'],
        message: 'private_key_jwt needs exactly one of jwks and jwks_uri',
      });
    }
    if (body.token_endpoint_auth_method !== 'private_key_jwt' && keySources > 0) {
      ctx.addIssue({ code: 'custom', path: ['jwks'], message: 'jwks and jwks_uri are only for private_key_jwt' });
    }
    if (body.token_endpoint_auth_signing_alg && body.token_endpoint_auth_method !== 'private_key_jwt') {
      ctx.addIssue({
        code: 'custom',
        path: ['token_endpoint_auth_signing_alg'],
        message: 'is only for private_key_jwt',
      });
    }
  });

/** RFC 7591 §3.2.2: invalid_client_metadata, naming the first bad field. */
export const invalidClientMetadata = (description: string) =>
  new OAuthError('invalid_client_metadata', 400, description);

/** What the environment adds to the metadata rules. */
export interface ClientMetadataPolicy {
  /** Production: a client's keys are fetched only over https. */
  requireHttpsJwksUri: boolean;
}

/**
 * Validates a create or update body; `clientId` is the client an update is for, which the body may repeat.
 * RFC 7591 §3.2.2: any refused value answers 400 invalid_client_metadata.
 */
export function parseClientMetadata(
  body: unknown,
  clientId?: string,
  policy: ClientMetadataPolicy = { requireHttpsJwksUri: false },
): ClientMetadata {
  const result = schema.safeParse(body ?? undefined);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || 'body';
    throw invalidClientMetadata(`${field}: ${issue.message}`);
  }
  const value = result.data;
  if (value.client_id !== undefined && value.client_id !== clientId) {
    throw invalidClientMetadata('client_id: is assigned by the server and cannot change');
  }
  // RFC 7591 §2 / RFC 8725 §3.10: keys fetched over plain http can be swapped by anyone on the path, and would then
  // authenticate the attacker as this client.
  if (policy.requireHttpsJwksUri && value.jwks_uri !== undefined && new URL(value.jwks_uri).protocol !== 'https:') {
    throw invalidClientMetadata('jwks_uri: must be an https URL in production');
  }
  return {
    clientName: value.client_name ?? null,
    tokenEndpointAuthMethod: value.token_endpoint_auth_method,
    grantTypes: value.grant_types,
    scope: ScopeSet.parse(value.scope).toString(),
    redirectUris: value.redirect_uris,
    jwks: value.jwks === undefined ? null : parsePublicJwks(value.jwks),
    jwksUri: value.jwks_uri ?? null,
    tokenEndpointAuthSigningAlg: value.token_endpoint_auth_signing_alg ?? null,
  };
}
