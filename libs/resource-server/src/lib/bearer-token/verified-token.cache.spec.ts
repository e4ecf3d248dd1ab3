import { ScopeSet } from '@oauth/scopes';
import { AccessTokenPrincipal } from './access-token-principal';
import { VerifiedTokenCache, type VerifiedToken } from './verified-token.cache';

function verified(exp: number): VerifiedToken {
  const principal = new AccessTokenPrincipal('c', 'c', ScopeSet.parse('other.read'), `j-${exp}`, new Date(exp * 1000));
  return { principal, keyId: 'k1' };
}

describe('VerifiedTokenCache', () => {
  it('serves a verified token until exp plus the clock skew, then forgets it', () => {
    const cache = new VerifiedTokenCache(10, 5);
    cache.remember('t1', verified(1_000));
    expect(cache.get('t1', 1_004)?.principal.tokenId).toBe('j-1000');
    expect(cache.get('t1', 1_005)).toBeUndefined();
    expect(cache.get('t1', 900)).toBeUndefined();
  });

  it('misses on any other token text', () => {
    const cache = new VerifiedTokenCache(10, 0);
    cache.remember('header.payload.signature', verified(2_000));
    expect(cache.get('header.payload.signaturf', 1_000)).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = new VerifiedTokenCache(2, 0);
    cache.remember('a', verified(2_000));
    cache.remember('b', verified(2_000));
    cache.remember('c', verified(2_000));
    expect(cache.get('a', 1_000)).toBeUndefined();
    expect(cache.get('b', 1_000)).toBeDefined();
    expect(cache.get('c', 1_000)).toBeDefined();
  });

  it('remembers nothing when its size is 0', () => {
    const cache = new VerifiedTokenCache(0, 0);
    cache.remember('a', verified(2_000));
    expect(cache.get('a', 1_000)).toBeUndefined();
  });
});
