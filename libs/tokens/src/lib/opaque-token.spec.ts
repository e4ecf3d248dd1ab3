import { createHash } from 'node:crypto';
import { generateOpaqueToken, hashToken } from './opaque-token';

describe('opaque tokens', () => {
  it('are 256 bits of base64url by default', () => {
    const token = generateOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('differ on every call', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => generateOpaqueToken()));
    expect(tokens.size).toBe(1000);
  });

  it('hash to the SHA-256 of their text', () => {
    expect(hashToken('abc')).toBe(createHash('sha256').update('abc').digest('base64url'));
    expect(hashToken('abc')).not.toBe(hashToken('abd'));
  });
});
