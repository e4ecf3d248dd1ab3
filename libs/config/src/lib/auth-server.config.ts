import { z } from 'zod';
import { bruteForceConfig, bruteForceVariables } from './brute-force.config';
import { loadConfig } from './load-config';
import {
  flag,
  httpUrl,
  logLevel,
  nodeEnv,
  nonEmpty,
  optional,
  port,
  postgresUrl,
  wholeNumber,
  shutdownTimeout,
} from './env-values';

/** A client declared in `CLIENTS`, upserted into the registry at boot. */
export interface DeclaredClient {
  clientId: string;
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  /** Null for a private_key_jwt client. */
  secretHash: string | null;
  grantTypes: string[];
  scope: string;
  jwks?: { keys: Record<string, unknown>[] };
  jwksUri?: string;
  tokenEndpointAuthSigningAlg?: ClientAssertionAlgorithm;
  redirectUris: string[];
}

/** RFC 7518 asymmetric algorithms accepted for private_key_jwt client assertions; never `none` or HMAC. */
export const CLIENT_ASSERTION_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
export type ClientAssertionAlgorithm = (typeof CLIENT_ASSERTION_ALGORITHMS)[number];

const SECRET_METHODS = ['client_secret_basic', 'client_secret_post'];

const BCRYPT_HASH = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;

const BUILT_IN_GRANT_TYPES = ['client_credentials', 'refresh_token', 'authorization_code'];

/** A built-in grant, or an extension grant's absolute URI (RFC 6749 §4.5); the server checks it has that grant. */
const grantType = z
  .string()
  .refine(
    (value) => BUILT_IN_GRANT_TYPES.includes(value) || /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(value),
    `grant_types must be ${BUILT_IN_GRANT_TYPES.join(', ')} or an extension grant's absolute URI`,
  );

const redirectUri = z.string().refine((value) => {
  try {
    return new URL(value).hash === '' && !value.includes('#');
  } catch {
    return false;
  }
}, 'redirect_uris must be absolute URIs without a fragment');

const declaredClients = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a JSON array of clients' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z
        .object({
          // RFC 6749 Appendix A.1: client-id = *VSCHAR (%x20-7E).
          client_id: z.string().regex(/^[\x20-\x7E]{1,128}$/, 'client_id must be 1-128 characters of RFC 6749 VSCHAR'),
          token_endpoint_auth_method: z
            .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt'])
            .default('client_secret_basic'),
          client_secret_hash: z
            .string()
            .regex(BCRYPT_HASH, 'client_secret_hash must be a bcrypt hash')
            .refine(
              (hash) => Number(hash.slice(4, 6)) >= 11,
              'client_secret_hash must use a bcrypt cost of at least 11',
            )
            .optional(),
          grant_types: z.array(grantType).min(1),
          scope: z.string(),
          // RFC 6749 §3.1.2: absolute URIs without a fragment, compared as exact strings (RFC 9700 §4.1.3).
          redirect_uris: z.array(redirectUri).default([]),
          // The keys are checked in depth (public, asymmetric) by the auth server when it registers them.
          jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) }).optional(),
          jwks_uri: httpUrl.optional(),
          token_endpoint_auth_signing_alg: z.enum(CLIENT_ASSERTION_ALGORITHMS).optional(),
        })
        .superRefine((client, ctx) => {
          const usesSecret = SECRET_METHODS.includes(client.token_endpoint_auth_method);
          if (usesSecret && !client.client_secret_hash) {
            ctx.addIssue({ code: 'custom', path: ['client_secret_hash'], message: 'is required for a secret method' });
          }
          if (!usesSecret && client.client_secret_hash) {
            ctx.addIssue({
              code: 'custom',
              path: ['client_secret_hash'],
              message: 'is not allowed for private_key_jwt',
            });
          }
          // RFC 7591 §2: jwks and jwks_uri must not both be present.
          const keySources = Number(client.jwks !== undefined) + Number(client.jwks_uri !== undefined);
          if (usesSecret ? keySources > 0 : keySources !== 1) {
            ctx.addIssue({
              code: 'custom',
              path: ['jwks'],
              message: 'private_key_jwt needs exactly one of jwks and jwks_uri; secret methods neither',
            });
          }
        }),
    ),
  )
  .default([]);

const signingAlgorithm = z.enum(['RS256', 'ES256', 'EdDSA']).default('RS256');

/** 32 random bytes, base64url: the key that encrypts signing keys at rest. */
const keyEncryptionKey = z
  .string()
  .refine((value) => /^[A-Za-z0-9_-]{43}$/.test(value), 'expected 32 bytes, base64url-encoded (43 characters)');

const schema = z
  .object({
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    METRICS_TOKEN: optional(nonEmpty),
    HOST: z.string().default('127.0.0.1'),
    SHUTDOWN_TIMEOUT: shutdownTimeout,
    AUTH_SERVER_PORT: port(5001),
    ISSUER: optional(httpUrl),
    DATABASE_URL: optional(postgresUrl),
    DATA_DIR: nonEmpty.default('.data'),
    SIGNING_ALG: signingAlgorithm,
    ACCESS_TOKEN_TTL: wholeNumber(900, 60, 86_400),
    REFRESH_TOKEN_TTL: wholeNumber(1_209_600, 60, 31_536_000),
    KEY_ENCRYPTION_KEY: optional(keyEncryptionKey),
    CLIENTS: declaredClients,
    MAX_BODY_BYTES: wholeNumber(16_384, 1_024, 1_048_576),
    CLIENT_SECRET_CACHE_TTL: wholeNumber(300, 0, 3_600),
    CLIENT_SECRET_ROTATION_OVERLAP: wholeNumber(86_400, 0, 2_592_000),
    CLIENT_ASSERTION_MAX_LIFETIME: wholeNumber(300, 10, 3_600),
    CLIENT_ASSERTION_ACCEPT_TOKEN_ENDPOINT_AUDIENCE: flag(false),
    CLIENT_JWKS_TIMEOUT_MS: wholeNumber(5_000, 100, 60_000),
    CLIENT_JWKS_REFETCH_COOLDOWN: wholeNumber(30, 0, 3_600),
    CLIENT_JWKS_CACHE_MAX_AGE: wholeNumber(600, 0, 86_400),
    CLIENT_API_URL: httpUrl.default('http://localhost:5002'),
    CLIENT_REGISTRY_CACHE_TTL: wholeNumber(60, 0, 3_600),
    KEY_ROTATION_INTERVAL: wholeNumber(2_592_000, 10, 31_536_000),
    JWKS_MAX_AGE: wholeNumber(300, 0, 86_400),
    KEY_REFRESH_INTERVAL: wholeNumber(5, 1, 300),
    REFRESH_TOKEN_ABSOLUTE_TTL: wholeNumber(7_776_000, 60, 315_360_000),
    REFRESH_TOKEN_REUSE_GRACE: wholeNumber(0, 0, 60),
    PURGE_INTERVAL: wholeNumber(3_600, 1, 86_400),
    PURGE_BATCH_SIZE: wholeNumber(1_000, 1, 100_000),
    ...bruteForceVariables,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of ['DATABASE_URL', 'KEY_ENCRYPTION_KEY', 'ISSUER'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' });
    }
    // RFC 8725 §3.10: a key set fetched over plain http can be swapped on the way (see the admin API's same rule).
    env.CLIENTS.forEach((client, index) => {
      if (client.jwks_uri !== undefined && new URL(client.jwks_uri).protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', path: ['CLIENTS', index, 'jwks_uri'], message: 'must be https in production' });
      }
    });
  });

/** Every environment variable this app reads. */
export const AUTH_SERVER_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type AuthServerConfig = ReturnType<typeof loadAuthServerConfig>;

/** Reads and validates the auth server's environment once, at boot. */
export function loadAuthServerConfig(env: Record<string, string | undefined>) {
  return loadConfig(schema, env, (values) => ({
    environment: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    metrics: { production: values.NODE_ENV === 'production', bearerToken: values.METRICS_TOKEN },
    http: {
      host: values.HOST,
      port: values.AUTH_SERVER_PORT,
      maxBodyBytes: values.MAX_BODY_BYTES,
      shutdownTimeoutSeconds: values.SHUTDOWN_TIMEOUT,
      // Fastify's trustProxy: X-Forwarded-For is read only from these peers (docs/adr/0013).
      trustedProxies: values.TRUSTED_PROXIES,
    },
    issuer: values.ISSUER ?? `http://localhost:${values.AUTH_SERVER_PORT}`,
    database: { url: values.DATABASE_URL },
    dataDir: values.DATA_DIR,
    tokens: {
      signingAlgorithm: values.SIGNING_ALG,
      accessTokenTtlSeconds: values.ACCESS_TOKEN_TTL,
      refreshTokenTtlSeconds: values.REFRESH_TOKEN_TTL,
    },
    refreshTokenFamilies: {
      absoluteTtlSeconds: values.REFRESH_TOKEN_ABSOLUTE_TTL,
      reuseGraceSeconds: values.REFRESH_TOKEN_REUSE_GRACE,
    },
    keys: {
      rotationIntervalSeconds: values.KEY_ROTATION_INTERVAL,
      jwksMaxAgeSeconds: values.JWKS_MAX_AGE,
      refreshIntervalSeconds: values.KEY_REFRESH_INTERVAL,
    },
    purge: { intervalSeconds: values.PURGE_INTERVAL, batchSize: values.PURGE_BATCH_SIZE },
    keyEncryptionKey: values.KEY_ENCRYPTION_KEY,
    clientAuthentication: {
      verifiedSecretCacheTtlSeconds: values.CLIENT_SECRET_CACHE_TTL,
      secretRotationOverlapSeconds: values.CLIENT_SECRET_ROTATION_OVERLAP,
      assertionMaxLifetimeSeconds: values.CLIENT_ASSERTION_MAX_LIFETIME,
      acceptTokenEndpointAudience: values.CLIENT_ASSERTION_ACCEPT_TOKEN_ENDPOINT_AUDIENCE,
      jwksTimeoutMs: values.CLIENT_JWKS_TIMEOUT_MS,
      jwksRefetchCooldownSeconds: values.CLIENT_JWKS_REFETCH_COOLDOWN,
      jwksCacheMaxAgeSeconds: values.CLIENT_JWKS_CACHE_MAX_AGE,
    },
    clientRegistry: { cacheTtlSeconds: values.CLIENT_REGISTRY_CACHE_TTL },
    bruteForce: bruteForceConfig(values),
    declaredClients: values.CLIENTS.map(
      (client): DeclaredClient => ({
        clientId: client.client_id,
        tokenEndpointAuthMethod: client.token_endpoint_auth_method,
        secretHash: client.client_secret_hash ?? null,
        grantTypes: client.grant_types,
        scope: client.scope,
        ...(client.jwks ? { jwks: client.jwks } : {}),
        ...(client.jwks_uri ? { jwksUri: client.jwks_uri } : {}),
        ...(client.token_endpoint_auth_signing_alg
          ? { tokenEndpointAuthSigningAlg: client.token_endpoint_auth_signing_alg }
          : {}),
        redirectUris: client.redirect_uris,
      }),
    ),
    // Development only: the demo client's redirect URI is this client API's /oauth/callback.
    demo: { clientApiUrl: values.CLIENT_API_URL },
  }));
}
