import { ScopeSet } from '@oauth/scopes';
import { ClientRegistryCache } from './client-registry.cache';
import type { RegisteredClient } from './registered-client';

const client = (clientId: string, scope = 'other.read'): RegisteredClient => ({
  clientId,
  clientName: null,
  tokenEndpointAuthMethod: 'client_secret_basic',
  secretHash: null,
  grantTypes: ['client_credentials'],
  allowedScopes: ScopeSet.parse(scope),
  redirectUris: [],
  jwks: null,
  jwksUri: null,
  previousSecretHash: null,
  previousSecretExpiresAt: null,
  tokenEndpointAuthSigningAlg: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe('ClientRegistryCache', () => {
  let now = 0;
  const clock = () => now;
  let loads = 0;
  const loader = (result: RegisteredClient | null) => async () => {
    loads++;
    return result;
  };

  beforeEach(() => {
    now = 1_000;
    loads = 0;
  });

  const enabledCache = (ttlMs = 5_000) => {
    const cache = new ClientRegistryCache(ttlMs, clock);
    cache.enable();
    return cache;
  };

  it('serves a loaded client from memory until the TTL passes', async () => {
    const cache = enabledCache();
    await cache.get('a', loader(client('a')));
    now += 4_999;
    await cache.get('a', loader(client('a')));
    expect(loads).toBe(1);
    now += 1;
    await cache.get('a', loader(client('a')));
    expect(loads).toBe(2);
  });

  it('forgets a client whose row changed, and only that one', async () => {
    const cache = enabledCache();
    await cache.get('a', loader(client('a')));
    await cache.get('b', loader(client('b')));
    cache.forget('a');
    expect(await cache.get('a', loader(client('a', 'other.write')))).toEqual(client('a', 'other.write'));
    await cache.get('b', loader(client('b')));
    expect(loads).toBe(3);
  });

  it('never stores what a lookup read before an invalidation', async () => {
    const cache = enabledCache();
    let finish: (value: RegisteredClient) => void = () => undefined;
    const slow = cache.get('a', () => new Promise<RegisteredClient>((resolve) => (finish = resolve)));
    cache.forget('a');
    finish(client('a', 'other.read'));
    expect(await slow).toEqual(client('a', 'other.read'));
    expect(await cache.get('a', loader(client('a', 'other.write')))).toEqual(client('a', 'other.write'));
  });

  it('does not remember unknown clients', async () => {
    const cache = enabledCache();
    expect(await cache.get('a', loader(null))).toBeNull();
    expect(await cache.get('a', loader(client('a')))).toEqual(client('a'));
  });

  it('shares one load between concurrent misses', async () => {
    const cache = enabledCache();
    const results = await Promise.all([1, 2, 3].map(() => cache.get('a', loader(client('a')))));
    expect(results).toEqual([client('a'), client('a'), client('a')]);
    expect(loads).toBe(1);
  });

  it('keeps nothing until enabled, after being disabled, or with a TTL of zero', async () => {
    const fresh = new ClientRegistryCache(5_000, clock);
    await fresh.get('a', loader(client('a')));
    await fresh.get('a', loader(client('a')));
    expect(loads).toBe(2);

    const disabled = enabledCache();
    await disabled.get('a', loader(client('a')));
    disabled.disable();
    await disabled.get('a', loader(client('a')));
    expect(loads).toBe(4);

    const zero = enabledCache(0);
    await zero.get('a', loader(client('a')));
    await zero.get('a', loader(client('a')));
    expect(loads).toBe(6);
  });
});
