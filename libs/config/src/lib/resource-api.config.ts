import { z } from 'zod';
import { loadConfig } from './load-config';
import {
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

const schema = z
  .object({
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    METRICS_TOKEN: optional(nonEmpty),
    HOST: z.string().default('127.0.0.1'),
    SHUTDOWN_TIMEOUT: shutdownTimeout,
    RESOURCE_API_PORT: port(5003),
    DATABASE_URL: optional(postgresUrl),
    DATA_DIR: nonEmpty.default('.data'),
    ISSUER: httpUrl.default('http://localhost:5001'),
    JWKS_URI: optional(httpUrl),
    RESOURCE_AUDIENCE: nonEmpty.default('other'),
    CLOCK_SKEW: wholeNumber(10, 0, 300),
    JWKS_REFETCH_COOLDOWN: wholeNumber(30, 1, 3_600),
    // Below the auth server's JWKS_MAX_AGE (300): a next key, published that long before it signs, is known in time.
    JWKS_CACHE_MAX_AGE: wholeNumber(240, 1, 86_400),
    VERIFIED_TOKEN_CACHE_SIZE: wholeNumber(10_000, 0, 1_000_000),
    DENY_LIST_URL: optional(httpUrl),
    DENY_LIST_CLIENT_ID: optional(nonEmpty),
    DENY_LIST_CLIENT_SECRET: optional(nonEmpty),
    DENY_LIST_POLL_INTERVAL: wholeNumber(2, 1, 60),
    DENY_LIST_MAX_STALENESS: wholeNumber(30, 2, 3_600),
  })
  .superRefine((env, ctx) => {
    // Without the feed, revoked tokens would keep working here until they expire.
    if (env.NODE_ENV === 'production' && !env.DENY_LIST_CLIENT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['DENY_LIST_CLIENT_SECRET'], message: 'is required in production' });
    }
  });

/** Every environment variable this app reads. */
export const RESOURCE_API_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type ResourceApiConfig = ReturnType<typeof loadResourceApiConfig>;

/** Reads and validates the resource API's environment once, at boot. */
export function loadResourceApiConfig(env: Record<string, string | undefined>) {
  return loadConfig(schema, env, (values) => ({
    environment: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    metrics: { production: values.NODE_ENV === 'production', bearerToken: values.METRICS_TOKEN },
    http: { host: values.HOST, port: values.RESOURCE_API_PORT, shutdownTimeoutSeconds: values.SHUTDOWN_TIMEOUT },
    database: { url: values.DATABASE_URL },
    dataDir: values.DATA_DIR,
    tokens: {
      issuer: values.ISSUER,
      jwksUri: values.JWKS_URI ?? `${values.ISSUER}/.well-known/jwks.json`,
      audience: values.RESOURCE_AUDIENCE,
      clockSkewSeconds: values.CLOCK_SKEW,
      jwksRefetchCooldownSeconds: values.JWKS_REFETCH_COOLDOWN,
      jwksCacheMaxAgeSeconds: values.JWKS_CACHE_MAX_AGE,
      verifiedTokenCacheSize: values.VERIFIED_TOKEN_CACHE_SIZE,
    },
    denyList: {
      url: values.DENY_LIST_URL ?? `${values.ISSUER}/deny-list`,
      // The resource server is registered at the auth server as a client named after its audience (ADR 0006).
      clientId: values.DENY_LIST_CLIENT_ID ?? values.RESOURCE_AUDIENCE,
      clientSecret: values.DENY_LIST_CLIENT_SECRET,
      pollIntervalSeconds: values.DENY_LIST_POLL_INTERVAL,
      maxStalenessSeconds: values.DENY_LIST_MAX_STALENESS,
    },
  }));
}
