import { loadAuthServerConfig } from './auth-server.config';
import { loadResourceApiConfig } from './resource-api.config';

describe('key and token lifecycle settings', () => {
  it('gives the auth server its documented defaults', () => {
    const config = loadAuthServerConfig({});
    expect(config.keys).toEqual({
      rotationIntervalSeconds: 2_592_000,
      jwksMaxAgeSeconds: 300,
      refreshIntervalSeconds: 5,
    });
    expect(config.refreshTokenFamilies).toEqual({ absoluteTtlSeconds: 7_776_000, reuseGraceSeconds: 0 });
    expect(config.purge).toEqual({ intervalSeconds: 3_600, batchSize: 1_000 });
  });

  it('gives the resource API a deny-list feed at the issuer, authenticated as its audience', () => {
    const config = loadResourceApiConfig({ ISSUER: 'https://auth.example.test', RESOURCE_AUDIENCE: 'billing' });
    expect(config.denyList).toEqual({
      url: 'https://auth.example.test/deny-list',
      clientId: 'billing',
      clientSecret: undefined,
      pollIntervalSeconds: 2,
      maxStalenessSeconds: 30,
    });
  });

  it('requires the feed secret of the resource API in production', () => {
    expect(() => loadResourceApiConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(
      'DENY_LIST_CLIENT_SECRET: is required in production',
    );
  });

  it('refuses a reuse grace window above 60 seconds', () => {
    expect(() => loadAuthServerConfig({ REFRESH_TOKEN_REUSE_GRACE: '61' })).toThrow('REFRESH_TOKEN_REUSE_GRACE');
  });
});
