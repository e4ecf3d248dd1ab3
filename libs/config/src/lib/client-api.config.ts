import { z } from 'zod';
import { loadConfig } from './load-config';
import { httpUrl, logLevel, nodeEnv, nonEmpty, optional, port, wholeNumber } from './env-values';

const schema = z
  .object({
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    HOST: z.string().default('127.0.0.1'),
    CLIENT_API_PORT: port(5002),
    DATA_DIR: nonEmpty.default('.data'),
    AUTH_SERVER_URL: httpUrl.default('http://localhost:5001'),
    ISSUER: optional(httpUrl),
    CLIENT_API_URL: optional(httpUrl),
    RESOURCE_API_URL: httpUrl.default('http://localhost:5003'),
    CLIENT_ID: nonEmpty.default('client'),
    CLIENT_SECRET: optional(nonEmpty),
    CLIENT_SCOPES: nonEmpty.default('other.read other.write'),
    TOKEN_REFRESH_MARGIN: wholeNumber(30, 0, 3_600),
    HTTP_TIMEOUT_MS: wholeNumber(5_000, 100, 60_000),
  })
  .superRefine((env, ctx) => {
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
    http: { host: values.HOST, port: values.CLIENT_API_PORT, timeoutMs: values.HTTP_TIMEOUT_MS },
    dataDir: values.DATA_DIR,
    authServerUrl: values.AUTH_SERVER_URL,
    // The browser reaches the authorization endpoint at the issuer's URL, which is also the `iss` checked on callbacks.
    issuer: values.ISSUER ?? values.AUTH_SERVER_URL,
    publicUrl: values.CLIENT_API_URL ?? `http://localhost:${values.CLIENT_API_PORT}`,
    resourceApiUrl: values.RESOURCE_API_URL,
    credentials: { clientId: values.CLIENT_ID, clientSecret: values.CLIENT_SECRET },
    scopes: values.CLIENT_SCOPES,
    tokenRefreshMarginSeconds: values.TOKEN_REFRESH_MARGIN,
  }));
}
