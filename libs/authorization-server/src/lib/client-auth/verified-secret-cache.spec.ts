import { VerifiedSecretCache } from './verified-secret-cache';

describe('VerifiedSecretCache', () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000;
  });

  it('remembers a verified secret for its hash until the TTL passes', () => {
    const cache = new VerifiedSecretCache(5_000, clock);
    cache.remember('secret', 'hash-1');
    expect(cache.has('secret', 'hash-1')).toBe(true);
    now += 4_999;
    expect(cache.has('secret', 'hash-1')).toBe(true);
    now += 1;
    expect(cache.has('secret', 'hash-1')).toBe(false);
  });

  it('never matches another secret or a changed hash', () => {
    const cache = new VerifiedSecretCache(5_000, clock);
    cache.remember('secret', 'hash-1');
    expect(cache.has('secret2', 'hash-1')).toBe(false);
    expect(cache.has('secret', 'hash-2')).toBe(false);
  });

  it('keeps nothing when the TTL is zero', () => {
    const cache = new VerifiedSecretCache(0, clock);
    cache.remember('secret', 'hash-1');
    expect(cache.has('secret', 'hash-1')).toBe(false);
  });

  it('does not confuse a secret/hash split at another point', () => {
    const cache = new VerifiedSecretCache(5_000, clock);
    cache.remember('b', 'a');
    expect(cache.has('', 'ab')).toBe(false);
  });

  it('is bounded: the oldest entry goes first', () => {
    const cache = new VerifiedSecretCache(60_000, clock);
    for (let i = 0; i <= 10_000; i++) cache.remember(`secret-${i}`, 'hash');
    expect(cache.has('secret-0', 'hash')).toBe(false);
    expect(cache.has('secret-1', 'hash')).toBe(true);
    expect(cache.has('secret-10000', 'hash')).toBe(true);
  });
});
