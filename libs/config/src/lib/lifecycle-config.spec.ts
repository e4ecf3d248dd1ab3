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

  it('gives the failed-authentication limits their documented defaults and trusts no proxy', () => {
    const config = loadAuthServerConfig({});
    expect(config.bruteForce).toEqual({
      windowSeconds: 900,
      blockSeconds: 900,
      maxFailures: { perClient: 30, perAddress: 100, perUsernameAndAddress: 5, perUsername: 100 },
    });
    expect(config.http.trustedProxies).toEqual([]);
  });

  it('reads trusted proxies as addresses, CIDR ranges and range names', () => {
    const config = loadAuthServerConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, 127.0.0.1 ,::1,fd00::/8,loopback' });
    expect(config.http.trustedProxies).toEqual(['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
  });

  it.each(['10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/8', '*', '::1/129'])(
    'refuses %s as a trusted proxy, naming TRUSTED_PROXIES',
    (value) => {
      expect(() => loadAuthServerConfig({ TRUSTED_PROXIES: value })).toThrow('Invalid configuration: TRUSTED_PROXIES:');
    },
  );

  it('refuses a limit of zero failures', () => {
    expect(() => loadAuthServerConfig({ BRUTE_FORCE_MAX_PER_CLIENT: '0' })).toThrow('BRUTE_FORCE_MAX_PER_CLIENT');
  });
});
