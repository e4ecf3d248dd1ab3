import { z } from 'zod';
import { loadConfig } from './load-config';
import { httpUrl, logLevel, nodeEnv, nonEmpty, optional, port, postgresUrl, wholeNumber } from './env-values';

/** A client declared in `CLIENTS`, upserted into the registry at boot. */
export interface DeclaredClient {
  clientId: string;
  secretHash: string;
  grantTypes: string[];
  scope: string;
}

const BCRYPT_HASH = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;

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
      z.object({
        // RFC 6749 Appendix A.1: client-id = *VSCHAR (%x20-7E).
        client_id: z.string().regex(/^[\x20-\x7E]{1,128}$/, 'client_id must be 1-128 characters of RFC 6749 VSCHAR'),
        client_secret_hash: z
          .string()
          .regex(BCRYPT_HASH, 'client_secret_hash must be a bcrypt hash')
          .refine((hash) => Number(hash.slice(4, 6)) >= 11, 'client_secret_hash must use a bcrypt cost of at least 11'),
        grant_types: z.array(z.enum(['client_credentials', 'refresh_token'])).min(1),
        scope: z.string(),
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
    HOST: z.string().default('127.0.0.1'),
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
    KEY_ROTATION_INTERVAL: wholeNumber(2_592_000, 10, 31_536_000),
    JWKS_MAX_AGE: wholeNumber(300, 0, 86_400),
    KEY_REFRESH_INTERVAL: wholeNumber(5, 1, 300),
    REFRESH_TOKEN_ABSOLUTE_TTL: wholeNumber(7_776_000, 60, 315_360_000),
    REFRESH_TOKEN_REUSE_GRACE: wholeNumber(0, 0, 60),
    PURGE_INTERVAL: wholeNumber(3_600, 1, 86_400),
    PURGE_BATCH_SIZE: wholeNumber(1_000, 1, 100_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const name of ['DATABASE_URL', 'KEY_ENCRYPTION_KEY', 'ISSUER'] as const) {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' });
    }
  });

/** Every environment variable this app reads. */
export const AUTH_SERVER_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type AuthServerConfig = ReturnType<typeof loadAuthServerConfig>;

/** Reads and validates the auth server's environment once, at boot. */
export function loadAuthServerConfig(env: Record<string, string | undefined>) {
  return loadConfig(schema, env, (values) => ({
    environment: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    http: {
      host: values.HOST,
      port: values.AUTH_SERVER_PORT,
      maxBodyBytes: values.MAX_BODY_BYTES,
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
    clientAuthentication: { verifiedSecretCacheTtlSeconds: values.CLIENT_SECRET_CACHE_TTL },
    declaredClients: values.CLIENTS.map(
      (client): DeclaredClient => ({
        clientId: client.client_id,
        secretHash: client.client_secret_hash,
        grantTypes: client.grant_types,
        scope: client.scope,
      }),
    ),
  }));
}
