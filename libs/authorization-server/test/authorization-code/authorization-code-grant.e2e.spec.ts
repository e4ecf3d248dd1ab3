import { decodeJwt } from 'jose';
import { ClientRepository } from '../../src/lib/clients/client.repository';
import { basic, postForm, startAuthServer, type RunningAuthServer } from '../support/auth-server.fixture';
import { Browser, paramsOf } from '@oauth/testing';
import { pkcePair } from '../support/pkce-pair';
import { alice, authorizeUrl, createUser, obtainCode, REDIRECT_URI, webClient } from './authorization-code.fixture';

const PUBLIC_REDIRECT_URI = 'http://127.0.0.1:8765/callback';

describe('authorization_code grant (RFC 6749 §4.1.3, RFC 7636 §4.5)', () => {
  let server: RunningAuthServer;
  let tokenUrl: string;
  let aliceId: string;
  const auth = { authorization: basic(webClient.clientId, webClient.secret) };

  beforeAll(async () => {
    server = await startAuthServer([webClient], { ISSUER: 'https://issuer.example.test' });
    tokenUrl = `${server.url}/token`;
    aliceId = await createUser(server, alice);
    // A public client (RFC 7591 token_endpoint_auth_method "none"), registered as the client registry would.
    await server.app.get(ClientRepository).save({
      clientId: 'spa',
      tokenEndpointAuthMethod: 'none',
      secretHash: null,
      grantTypes: ['authorization_code', 'refresh_token', 'client_credentials'],
      scope: 'other.read',
      redirectUris: [PUBLIC_REDIRECT_URI],
    });
  });
  afterAll(() => server.close());

  /** A fresh code for the web client (or `clientId`), with the verifier that redeems it. */
  async function issueCode(clientId = 'web', redirectUri = REDIRECT_URI) {
    const { verifier, challenge } = pkcePair();
    const url = authorizeUrl(server, { client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge });
    const page = await obtainCode(new Browser(), server, url);
    return { code: paramsOf(page.location)['code'], verifier };
  }

  const redeem = (form: Record<string, string>, headers: Record<string, string> = auth) =>
    postForm(tokenUrl, { grant_type: 'authorization_code', redirect_uri: REDIRECT_URI, ...form }, headers);

  const expectError = (response: Awaited<ReturnType<typeof postForm>>, status: number, error: string) => {
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ error, error_description: expect.any(String) });
    expect(response.headers.get('cache-control')).toBe('no-store');
  };

  it('issues tokens for the user: sub is the user, client_id the client', async () => {
    const { code, verifier } = await issueCode();
    const response = await redeem({ code, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'other.read',
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(decodeJwt(response.body['access_token'] as string)).toMatchObject({
      iss: 'https://issuer.example.test',
      sub: aliceId,
      client_id: 'web',
      aud: 'other',
      scope: 'other.read',
    });
    // The refresh token works, for the same user.
    const refreshed = await postForm(
      tokenUrl,
      { grant_type: 'refresh_token', refresh_token: response.body['refresh_token'] as string },
      auth,
    );
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body['access_token'] as string)['sub']).toBe(aliceId);
  });

  it('refuses a second redemption with invalid_grant and revokes the refresh token issued from the code', async () => {
    const { code, verifier } = await issueCode();
    const first = await redeem({ code, code_verifier: verifier });
    expect(first.status).toBe(200);
    expectError(await redeem({ code, code_verifier: verifier }), 400, 'invalid_grant');
    const refresh = await postForm(
      tokenUrl,
      { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string },
      auth,
    );
    expectError(refresh, 400, 'invalid_grant');
  });

  it('lets exactly one of two concurrent redemptions succeed', async () => {
    const { code, verifier } = await issueCode();
    const answers = await Promise.all([
      redeem({ code, code_verifier: verifier }),
      redeem({ code, code_verifier: verifier }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    const winner = answers.find((answer) => answer.status === 200)!;
    // The loser counts as a replay: the winner's refresh token is revoked too.
    const refresh = await postForm(
      tokenUrl,
      { grant_type: 'refresh_token', refresh_token: winner.body['refresh_token'] as string },
      auth,
    );
    expectError(refresh, 400, 'invalid_grant');
  });

  it.each([
    ['a wrong code_verifier', (verifier: string) => ({ code_verifier: `${verifier.slice(0, -2)}xx` })],
    ['another redirect_uri', () => ({ redirect_uri: 'https://web.example.test/other?x=1' })],
    ['an unknown code', () => ({ code: 'x'.repeat(43) })],
  ])('refuses %s with invalid_grant and leaves the code usable', async (_case, change) => {
    const { code, verifier } = await issueCode();
    expectError(await redeem({ code, code_verifier: verifier, ...change(verifier) }), 400, 'invalid_grant');
    expect((await redeem({ code, code_verifier: verifier })).status).toBe(200);
  });

  it.each(['code', 'redirect_uri', 'code_verifier'])(
    'refuses a request without %s with invalid_request',
    async (name) => {
      const { code, verifier } = await issueCode();
      const form: Record<string, string> = {
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      };
      delete form[name];
      expectError(await postForm(tokenUrl, form, auth), 400, 'invalid_request');
    },
  );

  it('refuses a malformed code_verifier with invalid_request', async () => {
    const { code } = await issueCode();
    expectError(await redeem({ code, code_verifier: 'short' }), 400, 'invalid_request');
  });

  it('refuses an expired code with invalid_grant', async () => {
    const { code, verifier } = await issueCode();
    await server.dataSource.query(`UPDATE authorization_codes SET expires_at = now() - interval '1 second'`);
    expectError(await redeem({ code, code_verifier: verifier }), 400, 'invalid_grant');
  });

  it('refuses a code issued to another client with invalid_grant', async () => {
    const { verifier, challenge } = pkcePair();
    const url = authorizeUrl(server, {
      client_id: 'spa',
      redirect_uri: PUBLIC_REDIRECT_URI,
      code_challenge: challenge,
    });
    const code = paramsOf((await obtainCode(new Browser(), server, url)).location)['code'];
    expectError(
      await redeem({ code, code_verifier: verifier, redirect_uri: PUBLIC_REDIRECT_URI }),
      400,
      'invalid_grant',
    );
  });

  it('refuses a wrong client secret with invalid_client', async () => {
    const { code, verifier } = await issueCode();
    expectError(
      await redeem({ code, code_verifier: verifier }, { authorization: basic('web', 'wrong') }),
      401,
      'invalid_client',
    );
  });

  describe('public clients (token_endpoint_auth_method none)', () => {
    it('redeem a code with only client_id', async () => {
      const { verifier, challenge } = pkcePair();
      const url = authorizeUrl(server, {
        client_id: 'spa',
        redirect_uri: PUBLIC_REDIRECT_URI,
        code_challenge: challenge,
      });
      const code = paramsOf((await obtainCode(new Browser(), server, url)).location)['code'];
      const response = await redeem(
        { code, code_verifier: verifier, redirect_uri: PUBLIC_REDIRECT_URI, client_id: 'spa' },
        {},
      );
      expect(response.status).toBe(200);
      expect(decodeJwt(response.body['access_token'] as string)).toMatchObject({ sub: aliceId, client_id: 'spa' });
    });

    it('may not use any other grant (unauthorized_client)', async () => {
      const response = await postForm(tokenUrl, {
        grant_type: 'client_credentials',
        client_id: 'spa',
        scope: 'other.read',
      });
      expectError(response, 400, 'unauthorized_client');
    });

    it('a confidential client sending only its client_id is refused with invalid_client', async () => {
      const { code, verifier } = await issueCode();
      expectError(await redeem({ code, code_verifier: verifier, client_id: 'web' }, {}), 401, 'invalid_client');
    });

    it('an unknown client sending only a client_id is refused with invalid_client', async () => {
      const { code, verifier } = await issueCode();
      expectError(await redeem({ code, code_verifier: verifier, client_id: 'nobody' }, {}), 401, 'invalid_client');
    });
  });
});
