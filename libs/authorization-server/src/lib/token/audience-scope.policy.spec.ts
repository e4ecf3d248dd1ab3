import { OAuthError } from '@oauth/oauth-errors';
import { ScopeSet } from '@oauth/scopes';
import type { RegisteredClient } from '../clients/registered-client';
import { AudienceScopePolicy } from './audience-scope.policy';

describe('AudienceScopePolicy', () => {
  const policy = new AudienceScopePolicy();
  const client: RegisteredClient = {
    clientId: 'svc',
    clientName: null,
    tokenEndpointAuthMethod: 'client_secret_basic',
    secretHash: null,
    previousSecretHash: null,
    previousSecretExpiresAt: null,
    grantTypes: ['client_credentials'],
    allowedScopes: ScopeSet.parse('other.read other.write server.admin'),
    redirectUris: [],
    jwks: null,
    jwksUri: null,
    tokenEndpointAuthSigningAlg: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
  const grant = (requested: string | undefined) => policy.grant({ requested, client, grantType: 'client_credentials' });

  it('grants allowed scopes of one audience, which becomes the audience', () => {
    const granted = grant('other.write other.read');
    expect(granted.audience).toBe('other');
    expect(granted.scopes.toString()).toBe('other.write other.read');
  });

  it.each([
    [undefined, 'The scope parameter is required'],
    ['other.admin', 'The client may not request other.admin'],
    ['other.read server.admin', 'The requested scopes must name exactly one audience'],
    ['other', 'does not follow audience.permission'],
  ])('refuses %p with invalid_scope', (requested, description) => {
    expect(() => grant(requested)).toThrow(
      expect.objectContaining({
        error: 'invalid_scope',
        status: 400,
        description: expect.stringContaining(description),
      }),
    );
    expect(() => grant(requested)).toThrow(OAuthError);
  });
});
