import { resolveResourceServerOptions, ResourceServerOptionsError } from './resource-server-options';

const minimal = { issuer: 'https://as.example.com', audience: 'billing' };

function rejection(options: unknown): ResourceServerOptionsError {
  try {
    resolveResourceServerOptions(options as never);
  } catch (error) {
    if (error instanceof ResourceServerOptionsError) return error;
    throw error;
  }
  throw new Error('expected the options to be rejected');
}

describe('resolveResourceServerOptions', () => {
  it('fills in the defaults from the issuer and the audience', () => {
    const resolved = resolveResourceServerOptions({ ...minimal, denyList: { clientSecret: 'feed-secret' } });
    expect(resolved).toMatchObject({
      issuer: 'https://as.example.com',
      audience: 'billing',
      jwksUri: 'https://as.example.com/.well-known/jwks.json',
      clockSkewSeconds: 10,
      jwksRefetchCooldownSeconds: 30,
      jwksCacheMaxAgeSeconds: 240,
      realm: 'billing',
      denyList: {
        url: 'https://as.example.com/deny-list',
        // ADR 0006: a resource server reads the feed as the client named after its audience.
        clientId: 'billing',
        pollIntervalSeconds: 2,
        maxStalenessSeconds: 30,
      },
    });
  });

  it('has no deny-list feed unless one is given', () => {
    expect(resolveResourceServerOptions(minimal).denyList).toBeUndefined();
  });

  it('hands out the secret the same way whether given as a string or as a function', async () => {
    const fromString = resolveResourceServerOptions({ ...minimal, denyList: { clientSecret: 's1' } });
    const fromFunction = resolveResourceServerOptions({
      ...minimal,
      denyList: { clientSecret: () => Promise.resolve('s2') },
    });
    expect(await fromString.denyList?.clientSecret()).toBe('s1');
    expect(await fromFunction.denyList?.clientSecret()).toBe('s2');
  });

  it.each([
    ['a missing issuer', { audience: 'billing' }, 'issuer: must be an http(s) URL'],
    ['an issuer that is no http(s) URL', { ...minimal, issuer: 'ftp://as' }, 'issuer: must be an http(s) URL'],
    ['an empty audience', { ...minimal, audience: '' }, 'audience: must be a non-empty string'],
    ['a relative jwksUri', { ...minimal, jwksUri: '/jwks.json' }, 'jwksUri: must be an http(s) URL'],
    [
      'a negative clock skew',
      { ...minimal, clockSkewSeconds: -1 },
      'clockSkewSeconds: must be a whole number of seconds from 0 to 300',
    ],
    [
      'a fractional cooldown',
      { ...minimal, jwksRefetchCooldownSeconds: 1.5 },
      'jwksRefetchCooldownSeconds: must be a whole number of seconds from 1 to 3600',
    ],
    [
      'a poll interval of zero',
      { ...minimal, denyList: { clientSecret: 's', pollIntervalSeconds: 0 } },
      'denyList.pollIntervalSeconds: must be a whole number of seconds from 1 to 60',
    ],
    [
      'a deny-list feed without a secret',
      { ...minimal, denyList: {} },
      'denyList.clientSecret: must be a non-empty string or a function returning one',
    ],
    ['a misspelt option', { ...minimal, audiance: 'billing' }, 'options: Unrecognized key: "audiance"'],
  ])('rejects %s, naming the option', (_case, options, message) => {
    expect(rejection(options).message).toBe(`Invalid ResourceServerModule options: ${message}`);
  });

  it('never echoes a rejected value, which may be a secret', () => {
    const error = rejection({ ...minimal, denyList: { clientSecret: 'top-secret', url: 'top-secret-url' } });
    expect(error.message).toBe('Invalid ResourceServerModule options: denyList.url: must be an http(s) URL');
    expect(error.message).not.toContain('top-secret');
  });
});
