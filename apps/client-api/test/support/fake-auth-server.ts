import { FakeHttpServer, basicCredentials, formOf, type FakeAnswer, type RecordedRequest } from './fake-http-server';

export interface FakeAuthServerOptions {
  /** The only `client_id:secret` (form-url-encoded, as in the Basic header) accepted. */
  basic: string;
  expiresIn?: number;
  /** Whether token answers carry a refresh token. */
  issueRefreshTokens?: boolean;
}

/**
 * A token endpoint with the contract of apps/auth-server: numbered access tokens `at-1`, `at-2`, …
 * and rotating refresh tokens `rt-1`, `rt-2`, …; an old refresh token is refused with invalid_grant.
 */
export async function startFakeAuthServer(options: FakeAuthServerOptions): Promise<FakeHttpServer> {
  let issued = 0;
  let liveRefreshToken: string | undefined;
  const refuse = (status: number, error: string, description: string): FakeAnswer => ({
    status,
    body: { error, error_description: description },
  });

  const issue = (scope: string): FakeAnswer => {
    issued += 1;
    liveRefreshToken = options.issueRefreshTokens === false ? undefined : `rt-${issued}`;
    return {
      status: 200,
      headers: { 'cache-control': 'no-store' },
      body: {
        access_token: `at-${issued}`,
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 300,
        scope,
        ...(liveRefreshToken ? { refresh_token: liveRefreshToken } : {}),
      },
    };
  };

  return FakeHttpServer.start((request: RecordedRequest) => {
    if (request.method !== 'POST' || request.path !== '/token') return refuse(404, 'not_found', 'No such endpoint');
    let credentials: string;
    try {
      credentials = basicCredentials(request);
    } catch {
      return refuse(401, 'invalid_client', 'Client authentication failed');
    }
    if (credentials !== options.basic) return refuse(401, 'invalid_client', 'Client authentication failed');
    const form = formOf(request);
    if (form.grant_type === 'client_credentials') return issue(form.scope);
    if (form.grant_type === 'refresh_token') {
      if (form.refresh_token !== liveRefreshToken) return refuse(400, 'invalid_grant', 'The refresh token is invalid');
      return issue('other.read other.write');
    }
    return refuse(400, 'unsupported_grant_type', 'Unsupported grant type');
  });
}
