import type { ClientApiConfig } from '@oauth/config';
import { OAuthError } from '@oauth/oauth-errors';
import { startFakeAuthServer } from '../../test/support/fake-auth-server';
import { FakeHttpServer, basicCredentials, formOf } from '../../test/support/fake-http-server';
import { testConfig } from '../../test/support/test-config';
import { ClientCredentialsSource } from '../credentials/client-credentials.source';
import { TokenEndpointClient } from './token-endpoint.client';
import { TokenProvider } from './token-provider';

describe('TokenProvider', () => {
  let auth: FakeHttpServer;
  let now: number;

  const providerFor = (config: ClientApiConfig) =>
    new TokenProvider(config, new TokenEndpointClient(config, new ClientCredentialsSource(config)), () => now);

  const config = (env: Record<string, string> = {}) => testConfig({ AUTH_SERVER_URL: auth.url, ...env });

  beforeEach(async () => {
    now = 1_700_000_000_000;
    auth = await startFakeAuthServer({ basic: 'client:secret' });
  });

  afterEach(async () => {
    await auth.close();
  });

  it('requests a client_credentials token with client_secret_basic and the audience scopes', async () => {
    const provider = providerFor(config({ CLIENT_SCOPES: 'other.read other.write server.user' }));

    await expect(provider.accessTokenFor('other')).resolves.toBe('at-1');

    expect(auth.requests).toHaveLength(1);
    const [request] = auth.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('client:secret').toString('base64')}`);
    expect(formOf(request)).toEqual({ grant_type: 'client_credentials', scope: 'other.read other.write' });
  });

  it('form-url-encodes a client_id and secret that need it in the Basic header (RFC 6749 §2.3.1)', async () => {
    auth.handler = () => ({ status: 200, body: { access_token: 'at-x', token_type: 'Bearer', expires_in: 300 } });
    const provider = providerFor(config({ CLIENT_ID: 'a:b', CLIENT_SECRET: 's+/=' }));

    await provider.accessTokenFor('other');

    expect(auth.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('a%3Ab:s%2B%2F%3D').toString('base64')}`);
  });

  it('serves the cached token while it is outside the refresh margin', async () => {
    const provider = providerFor(config());

    await provider.accessTokenFor('other');
    now += 269_000; // expires_in 300, margin 30: still 31 s to go
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-1');

    expect(auth.requests).toHaveLength(1);
  });

  it('keeps one token per audience', async () => {
    const provider = providerFor(config({ CLIENT_SCOPES: 'other.read server.user' }));

    await expect(provider.accessTokenFor('other')).resolves.toBe('at-1');
    await expect(provider.accessTokenFor('server')).resolves.toBe('at-2');
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-1');

    expect(auth.requests.map((request) => formOf(request).scope)).toEqual(['other.read', 'server.user']);
  });

  it('refreshes near expiry with the refresh token and keeps the rotated one', async () => {
    const provider = providerFor(config());

    await provider.accessTokenFor('other');
    now += 271_000;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-2');
    now += 271_000;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-3');

    expect(auth.requests.map(formOf)).toEqual([
      { grant_type: 'client_credentials', scope: 'other.read other.write' },
      { grant_type: 'refresh_token', refresh_token: 'rt-1' },
      { grant_type: 'refresh_token', refresh_token: 'rt-2' },
    ]);
    expect(auth.requests.map(basicCredentials)).toEqual(['client:secret', 'client:secret', 'client:secret']);
  });

  it('falls back to client_credentials when the refresh token is refused', async () => {
    const provider = providerFor(config());
    await provider.accessTokenFor('other');
    const original = auth.handler;
    auth.handler = (request) =>
      formOf(request).grant_type === 'refresh_token'
        ? { status: 400, body: { error: 'invalid_grant', error_description: 'The refresh token was revoked' } }
        : original(request);

    now += 271_000;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-2');

    expect(auth.requests.map((request) => formOf(request).grant_type)).toEqual([
      'client_credentials',
      'refresh_token',
      'client_credentials',
    ]);
  });

  it('renews on every call when no refresh token is issued', async () => {
    await auth.close();
    auth = await startFakeAuthServer({ basic: 'client:secret', issueRefreshTokens: false });
    const provider = providerFor(config());

    await provider.accessTokenFor('other');
    now += 271_000;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-2');

    expect(auth.requests.map((request) => formOf(request).grant_type)).toEqual([
      'client_credentials',
      'client_credentials',
    ]);
  });

  it('never lets the margin exceed half the lifetime', async () => {
    await auth.close();
    auth = await startFakeAuthServer({ basic: 'client:secret', expiresIn: 40 });
    const provider = providerFor(config({ TOKEN_REFRESH_MARGIN: '60' }));

    await provider.accessTokenFor('other');
    now += 19_000;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-1');
    now += 1_000;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-2');
  });

  it('shares one token request among concurrent callers for an audience', async () => {
    const provider = providerFor(config());

    const tokens = await Promise.all(Array.from({ length: 10 }, () => provider.accessTokenFor('other')));

    expect(tokens).toEqual(Array(10).fill('at-1'));
    expect(auth.requests).toHaveLength(1);
  });

  it('hands out a new token after the current one is invalidated, and ignores a stale invalidation', async () => {
    const provider = providerFor(config());
    await provider.accessTokenFor('other');

    provider.invalidate('other', 'at-1');
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-2');
    provider.invalidate('other', 'at-1');
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-2');

    expect(auth.requests.map(formOf)[1]).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt-1' });
    expect(auth.requests).toHaveLength(2);
  });

  it('turns a token endpoint error into a 502 naming the upstream code', async () => {
    const provider = providerFor(config({ CLIENT_SECRET: 'wrong' }));

    const error = await provider.accessTokenFor('other').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).status).toBe(502);
    expect((error as OAuthError).toBody()).toEqual({
      error: 'upstream_error',
      error_description:
        'The authorization server refused the token request: invalid_client (Client authentication failed)',
    });
    // A configured secret is not re-read, so there is no second attempt.
    expect(auth.requests).toHaveLength(1);
  });

  it('does not cache a failure', async () => {
    const original = auth.handler;
    auth.handler = () => ({ status: 503, body: 'unavailable' });
    const provider = providerFor(config());

    await expect(provider.accessTokenFor('other')).rejects.toMatchObject({
      status: 502,
      description: 'The authorization server answered the token request with status 503',
    });
    auth.handler = original;
    await expect(provider.accessTokenFor('other')).resolves.toBe('at-1');
  });

  it('rejects a token answer that is not a Bearer token (RFC 6749 §7.1)', async () => {
    auth.handler = () => ({ status: 200, body: { access_token: 'at-x', token_type: 'DPoP', expires_in: 300 } });

    await expect(providerFor(config()).accessTokenFor('other')).rejects.toMatchObject({
      status: 502,
      description: 'The authorization server answered with an unusable token response',
    });
  });

  it('reports an unreachable authorization server as a 502', async () => {
    const provider = providerFor(testConfig({ AUTH_SERVER_URL: await FakeHttpServer.unreachableUrl() }));

    await expect(provider.accessTokenFor('other')).rejects.toMatchObject({
      error: 'upstream_error',
      status: 502,
      description: 'The authorization server could not be reached',
    });
  });
});
