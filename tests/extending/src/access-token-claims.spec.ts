import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { createApp, type AccessTokenClaimsHook } from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { createAuthorizationServer } from './examples/tenant-claims';
import { startAuthorizationServer, type RunningAuthorizationServer } from './support/authorization-server';
import { declaredClientsSetting } from '@oauth/testing';
import { basic, postForm } from './support/token-requests';

const ISSUER = 'https://auth.example.test';
const billing = {
  clientId: 'billing-service',
  secret: 'billing-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read',
};
const reporting = {
  clientId: 'reporting',
  secret: 'reporting-secret',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
};

const clientCredentials = (server: RunningAuthorizationServer, client: typeof billing) =>
  postForm(
    `${server.url}/token`,
    { grant_type: 'client_credentials', scope: 'other.read' },
    { authorization: basic(client.clientId, client.secret) },
  );

const refresh = (server: RunningAuthorizationServer, refreshToken: string) =>
  postForm(
    `${server.url}/token`,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    { authorization: basic(billing.clientId, billing.secret) },
  );

describe('access token claims hook (extensions.accessTokenClaims)', () => {
  describe('the tenant-claims example', () => {
    let server: RunningAuthorizationServer;

    beforeAll(async () => {
      server = await startAuthorizationServer(createAuthorizationServer, {
        ISSUER,
        CLIENTS: await declaredClientsSetting([billing, reporting]),
      });
    });
    afterAll(() => server.close());

    /** What a resource server does: verify the RFC 9068 token against the server's published keys. */
    const verifyAtResourceServer = async (token: string) => {
      const keys = createRemoteJWKSet(new URL(`${server.url}/.well-known/jwks.json`));
      const { payload } = await jwtVerify(token, keys, { issuer: ISSUER, audience: 'other', typ: 'at+jwt' });
      return payload;
    };

    it('adds the claim to the token, and a resource server reads it after verifying the token (RFC 9068 §2.2)', async () => {
      const response = await clientCredentials(server, billing);
      expect(response.status).toBe(200);
      const claims = await verifyAtResourceServer(response.body['access_token'] as string);
      expect(claims).toMatchObject({ tenant: 'acme', sub: 'billing-service', client_id: 'billing-service' });
      expect(claims['scope']).toBe('other.read');

      const other = await clientCredentials(server, reporting);
      expect((await verifyAtResourceServer(other.body['access_token'] as string))['tenant']).toBe('public');
    });

    it('adds it to tokens from a refresh as well', async () => {
      const first = await clientCredentials(server, billing);
      const refreshed = await refresh(server, first.body['refresh_token'] as string);
      expect(refreshed.status).toBe(200);
      expect((await verifyAtResourceServer(refreshed.body['access_token'] as string))['tenant']).toBe('acme');
    });
  });

  describe('a hook that misbehaves', () => {
    let server: RunningAuthorizationServer;
    let behaviour: 'collide' | 'fail' | 'work' = 'work';
    const hook: AccessTokenClaimsHook = () => {
      if (behaviour === 'fail') throw new Error('The tenant service is down');
      return behaviour === 'collide' ? { tenant: 'acme', sub: 'admin', scope: 'server.admin' } : { tenant: 'acme' };
    };

    beforeAll(async () => {
      server = await startAuthorizationServer(
        (env) => createApp(loadAuthServerConfig(env), { accessTokenClaims: hook }),
        {
          ISSUER,
          CLIENTS: await declaredClientsSetting([billing]),
        },
      );
    });
    afterAll(() => server.close());
    afterEach(() => (behaviour = 'work'));

    // RFC 9068 §2.2: sub and scope are the server's; a hook may not replace them (docs/adr/0012).
    it('gets no token issued when it names a registered claim: 500 server_error', async () => {
      behaviour = 'collide';
      const response = await clientCredentials(server, billing);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: 'server_error', error_description: expect.any(String) });
    });

    it('fails the request without using up the refresh token when it throws', async () => {
      const first = await clientCredentials(server, billing);
      const refreshToken = first.body['refresh_token'] as string;

      behaviour = 'fail';
      const failed = await refresh(server, refreshToken);
      expect(failed.status).toBe(500);
      expect(failed.body['error']).toBe('server_error');

      // Not rotated: presenting it again is no reuse (RFC 9700 §4.14.2 would revoke the family).
      behaviour = 'work';
      const retried = await refresh(server, refreshToken);
      expect(retried.status).toBe(200);
      expect(decodeJwt(retried.body['access_token'] as string)['tenant']).toBe('acme');
    });
  });
});
