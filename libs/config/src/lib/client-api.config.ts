import { z } from 'zod';
import { loadConfig } from './load-config';
import { httpUrl, logLevel, nodeEnv, nonEmpty, optional, port, wholeNumber, shutdownTimeout } from './env-values';

/** A private JWK (JSON) of an algorithm the auth server accepts for client assertions. */
const privateJwk = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'expected a private JWK as JSON' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .object({
        kty: z.enum(['RSA', 'EC', 'OKP']),
        d: z.string().min(1, 'expected a private JWK (with "d")'),
        alg: z.enum(['RS256', 'PS256', 'ES256', 'EdDSA'], { error: 'expected "alg": RS256, PS256, ES256 or EdDSA' }),
        kid: z.string().min(1).optional(),
      })
      .loose(),
  );

const schema = z
  .object({
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    METRICS_TOKEN: optional(nonEmpty),
    HOST: z.string().default('127.0.0.1'),
    SHUTDOWN_TIMEOUT: shutdownTimeout,
    CLIENT_API_PORT: port(5002),
    DATA_DIR: nonEmpty.default('.data'),
    AUTH_SERVER_URL: httpUrl.default('http://localhost:5001'),
    ISSUER: optional(httpUrl),
    CLIENT_API_URL: optional(httpUrl),
    RESOURCE_API_URL: httpUrl.default('http://localhost:5003'),
    CLIENT_ID: nonEmpty.default('client'),
    CLIENT_AUTH_METHOD: z.enum(['client_secret_basic', 'private_key_jwt']).default('client_secret_basic'),
    CLIENT_SECRET: optional(nonEmpty),
    CLIENT_PRIVATE_KEY: optional(privateJwk),
    CLIENT_SCOPES: nonEmpty.default('other.read other.write'),
    TOKEN_REFRESH_MARGIN: wholeNumber(30, 0, 3_600),
    HTTP_TIMEOUT_MS: wholeNumber(5_000, 100, 60_000),
  })
  .superRefine((env, ctx) => {
    if (env.CLIENT_AUTH_METHOD === 'private_key_jwt') {
      if (!env.CLIENT_PRIVATE_KEY) {
        ctx.addIssue({ code: 'custom', path: ['CLIENT_PRIVATE_KEY'], message: 'is required for private_key_jwt' });
      }
      return;
    }
    // Outside development there are no generated demo credentials to fall back on.
    if (env.NODE_ENV === 'production' && !env.CLIENT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['CLIENT_SECRET'], message: 'is required in production' });
    }
  });

/** Every environment variable this app reads. */
export const CLIENT_API_VARIABLES: readonly string[] = Object.keys(schema.shape);

export type ClientApiConfig = ReturnType<typeof loadClientApiConfig>;

/** Reads and validates the client API's environment once, at boot. */
export function loadClientApiConfig(env: Record<string, string | undefined>) {
  return loadConfig(schema, env, (values) => ({
    environment: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    metrics: { production: values.NODE_ENV === 'production', bearerToken: values.METRICS_TOKEN },
    http: {
      host: values.HOST,
      port: values.CLIENT_API_PORT,
      timeoutMs: values.HTTP_TIMEOUT_MS,
      shutdownTimeoutSeconds: values.SHUTDOWN_TIMEOUT,
    },
    dataDir: values.DATA_DIR,
    authServerUrl: values.AUTH_SERVER_URL,
    // The browser reaches the authorization endpoint at the issuer's URL, which is also the `iss` checked on callbacks.
    issuer: values.ISSUER ?? values.AUTH_SERVER_URL,
    publicUrl: values.CLIENT_API_URL ?? `http://localhost:${values.CLIENT_API_PORT}`,
    resourceApiUrl: values.RESOURCE_API_URL,
    credentials: { clientId: values.CLIENT_ID, clientSecret: values.CLIENT_SECRET },
    clientAuthentication: {
      method: values.CLIENT_AUTH_METHOD,
      privateKey: values.CLIENT_PRIVATE_KEY,
      // RFC 7523bis: the assertion's audience is the issuer identifier, not an endpoint URL.
      authServerIssuer: values.ISSUER ?? values.AUTH_SERVER_URL,
    },
    scopes: values.CLIENT_SCOPES,
    tokenRefreshMarginSeconds: values.TOKEN_REFRESH_MARGIN,
  }));
}
