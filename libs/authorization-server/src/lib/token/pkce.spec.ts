import { isWellFormedCodeVerifier, verifiesS256Challenge } from './pkce';

describe('PKCE S256 (RFC 7636)', () => {
  // RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('accepts the verifier of the RFC example', () => {
    expect(verifiesS256Challenge(verifier, challenge)).toBe(true);
  });

  it('refuses another verifier, and the challenge itself as verifier (plain)', () => {
    expect(verifiesS256Challenge(`${verifier.slice(0, -1)}l`, challenge)).toBe(false);
    expect(verifiesS256Challenge(challenge, challenge)).toBe(false);
  });

  it.each([
    ['a'.repeat(42), false],
    ['a'.repeat(43), true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    [`${'a'.repeat(42)}+`, false],
    [`${'a'.repeat(40)}-._~`, true],
  ])('checks the verifier syntax of %p', (value, wellFormed) => {
    expect(isWellFormedCodeVerifier(value)).toBe(wellFormed);
  });
});
