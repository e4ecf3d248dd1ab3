import type { ResourceApiConfig } from '@oauth/config';
import type { ResourceServerOptions } from '@oauth/resource-server';
import { denyListClientSecret } from '../deny-list/deny-list-credentials';

/** The resource-server module's options, from the validated environment. */
export function toResourceServerOptions(config: ResourceApiConfig): ResourceServerOptions {
  const { tokens, denyList } = config;
  const clientSecret = denyListClientSecret(config);
  return {
    issuer: tokens.issuer,
    audience: tokens.audience,
    jwksUri: tokens.jwksUri,
    clockSkewSeconds: tokens.clockSkewSeconds,
    jwksRefetchCooldownSeconds: tokens.jwksRefetchCooldownSeconds,
    jwksCacheMaxAgeSeconds: tokens.jwksCacheMaxAgeSeconds,
    verifiedTokenCacheSize: tokens.verifiedTokenCacheSize,
    // ADR 0006: without feed credentials (tests, no DENY_LIST_CLIENT_SECRET outside development) the list is not enforced.
    denyList:
      clientSecret === undefined
        ? undefined
        : {
            url: denyList.url,
            clientId: denyList.clientId,
            clientSecret,
            pollIntervalSeconds: denyList.pollIntervalSeconds,
            maxStalenessSeconds: denyList.maxStalenessSeconds,
          },
  };
}
