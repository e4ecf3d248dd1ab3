import { z } from 'zod';

/**
 * Where and how the resource server pulls the authorization server's deny-list (ADR 0006), so a
 * revoked token or a token of a revoked key is refused within about one poll interval.
 */
export interface DenyListFeedOptions {
  /** The feed, `GET /deny-list` at the authorization server. Default: `${issuer}/deny-list`. */
  url?: string;
  /** The client this resource server is registered as at the authorization server. Default: the audience. */
  clientId?: string;
  /** That client's secret, or a function that returns it when a pull needs it (e.g. read from a file). */
  clientSecret: string | (() => Promise<string>);
  /** Seconds between pulls. Default 2. */
  pollIntervalSeconds?: number;
  /** After this many seconds without a successful pull, writes are refused with 503 and health is down. Default 30. */
  maxStalenessSeconds?: number;
}

/** What `ResourceServerModule` needs to verify RFC 9068 access tokens of one authorization server. */
export interface ResourceServerOptions {
  /** The authorization server's issuer identifier: the `iss` every token must carry. */
  issuer: string;
  /** This resource server's audience: the `aud` every token must carry, e.g. `other`. */
  audience: string;
  /** The authorization server's key set. Default: `${issuer}/.well-known/jwks.json`. */
  jwksUri?: string;
  /** Leeway for `exp`, `nbf` and `iat`, in seconds. Default 10. */
  clockSkewSeconds?: number;
  /** A token with an unknown `kid` re-fetches the key set at most once per this many seconds. Default 30. */
  jwksRefetchCooldownSeconds?: number;
  /**
   * The key set is re-fetched when older than this. Keep it below the authorization server's
   * `Cache-Control: max-age` of the JWKS, so a key published ahead of use is known in time. Default 240.
   */
  jwksCacheMaxAgeSeconds?: number;
  /** The `realm` of the RFC 6750 §3 `WWW-Authenticate: Bearer` challenge. Default: the audience. */
  realm?: string;
  /** The deny-list feed; without it revoked tokens are accepted until they expire. */
  denyList?: DenyListFeedOptions;
  /**
   * How many verified tokens to remember until they expire, so a token presented again skips the signature check
   * (ADR 0005); 0 turns this off. Default 10000.
   */
  verifiedTokenCacheSize?: number;
}

/** The options with every default filled in, as the module's providers use them. */
export interface ResolvedResourceServerOptions {
  issuer: string;
  audience: string;
  jwksUri: string;
  clockSkewSeconds: number;
  jwksRefetchCooldownSeconds: number;
  jwksCacheMaxAgeSeconds: number;
  realm: string;
  verifiedTokenCacheSize: number;
  denyList?: {
    url: string;
    clientId: string;
    clientSecret: () => Promise<string>;
    pollIntervalSeconds: number;
    maxStalenessSeconds: number;
  };
}

/** `ResourceServerModule` options are missing or malformed; the message names the first bad option. */
export class ResourceServerOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResourceServerOptionsError';
  }
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const nonEmpty = z.string({ error: 'must be a non-empty string' }).min(1, 'must be a non-empty string');
const seconds = (fallback: number, min: number, max: number) =>
  z
    .number({ error: `must be a whole number of seconds from ${min} to ${max}` })
    .int(`must be a whole number of seconds from ${min} to ${max}`)
    .min(min, `must be a whole number of seconds from ${min} to ${max}`)
    .max(max, `must be a whole number of seconds from ${min} to ${max}`)
    .default(fallback);
const secretSource = z.custom<() => Promise<string>>(
  (value) => typeof value === 'function',
  'must be a non-empty string or a function returning one',
);

// The same bounds as the resource API's environment (libs/config), so both reject the same values.
const schema = z.strictObject({
  issuer: httpUrl,
  audience: nonEmpty,
  jwksUri: httpUrl.optional(),
  clockSkewSeconds: seconds(10, 0, 300),
  jwksRefetchCooldownSeconds: seconds(30, 1, 3_600),
  jwksCacheMaxAgeSeconds: seconds(240, 1, 86_400),
  realm: nonEmpty.optional(),
  denyList: z
    .strictObject({
      url: httpUrl.optional(),
      clientId: nonEmpty.optional(),
      clientSecret: z.union([nonEmpty, secretSource], {
        error: 'must be a non-empty string or a function returning one',
      }),
      pollIntervalSeconds: seconds(2, 1, 60),
      maxStalenessSeconds: seconds(30, 2, 3_600),
    })
    .optional(),
  verifiedTokenCacheSize: z
    .number({ error: 'must be a whole number from 0 to 1000000' })
    .int('must be a whole number from 0 to 1000000')
    .min(0, 'must be a whole number from 0 to 1000000')
    .max(1_000_000, 'must be a whole number from 0 to 1000000')
    .default(10_000),
});

/**
 * Validates the options and fills in the defaults. Throws a ResourceServerOptionsError naming the
 * first bad option; the value is never echoed, since it may be a secret.
 */
export function resolveResourceServerOptions(options: ResourceServerOptions): ResolvedResourceServerOptions {
  const result = schema.safeParse(options);
  if (!result.success) {
    const issue = result.error.issues[0];
    const option = issue.path.join('.') || 'options';
    throw new ResourceServerOptionsError(`Invalid ResourceServerModule options: ${option}: ${issue.message}`);
  }
  const values = result.data;
  const denyList = values.denyList;
  return {
    issuer: values.issuer,
    audience: values.audience,
    jwksUri: values.jwksUri ?? `${values.issuer}/.well-known/jwks.json`,
    clockSkewSeconds: values.clockSkewSeconds,
    jwksRefetchCooldownSeconds: values.jwksRefetchCooldownSeconds,
    jwksCacheMaxAgeSeconds: values.jwksCacheMaxAgeSeconds,
    realm: values.realm ?? values.audience,
    verifiedTokenCacheSize: values.verifiedTokenCacheSize,
    denyList: denyList && {
      url: denyList.url ?? `${values.issuer}/deny-list`,
      // ADR 0006: the resource server is registered at the authorization server as a client named after its audience.
      clientId: denyList.clientId ?? values.audience,
      clientSecret: toSecretSource(denyList.clientSecret),
      pollIntervalSeconds: denyList.pollIntervalSeconds,
      maxStalenessSeconds: denyList.maxStalenessSeconds,
    },
  };
}

function toSecretSource(secret: string | (() => Promise<string>)): () => Promise<string> {
  return typeof secret === 'string' ? () => Promise.resolve(secret) : secret;
}
