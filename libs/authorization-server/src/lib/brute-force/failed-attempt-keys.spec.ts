import { addressBucket, addressKey, clientKey, usernameAddressKey } from './failed-attempt-keys';

describe('failed-attempt keys', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
  ])('puts %s in the bucket %s (an IPv6 /64 is one source)', (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });

  it('keeps registered client_ids readable and hashes longer ones, so a key never outgrows its column', () => {
    expect(clientKey('billing')).toBe('client:billing');
    const long = clientKey('x'.repeat(10_000));
    expect(long).toMatch(/^client:sha256:[A-Za-z0-9_-]{43}$/);
    expect(long).not.toBe(clientKey('x'.repeat(10_001)));
  });

  it('names the address and the username in a login key', () => {
    expect(addressKey('2001:db8::5')).toBe('address:2001:db8:0:0::/64');
    expect(usernameAddressKey('alice', '203.0.113.7')).toBe('username-address:203.0.113.7 alice');
  });
});
