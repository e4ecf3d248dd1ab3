import { OAuthError } from '@oauth/oauth-errors';
import { ScopeSet } from '@oauth/scopes';
import { ScopePolicy } from './scope-policy';

describe('ScopePolicy', () => {
  const policy = new ScopePolicy();
  const allowed = ScopeSet.parse('other.read other.write server.admin');

  it('grants allowed scopes of one audience, which becomes the audience', () => {
    const granted = policy.grant('other.write other.read', allowed);
    expect(granted.audience).toBe('other');
    expect(granted.scopes.toString()).toBe('other.write other.read');
  });

  it.each([
    [undefined, 'The scope parameter is required'],
    ['other.admin', 'The client may not request other.admin'],
    ['other.read server.admin', 'The requested scopes must name exactly one audience'],
    ['other', 'does not follow audience.permission'],
  ])('refuses %p with invalid_scope', (requested, description) => {
    expect(() => policy.grant(requested, allowed)).toThrow(
      expect.objectContaining({
        error: 'invalid_scope',
        status: 400,
        description: expect.stringContaining(description),
      }),
    );
    expect(() => policy.grant(requested, allowed)).toThrow(OAuthError);
  });
});
