import { createApp } from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { createAuthorizationServer } from './examples/partial-scope.policy';
import { startAuthorizationServer, type RunningAuthorizationServer } from './support/authorization-server';
import { declaredClientsSetting } from '@oauth/testing';
import { basic, postForm } from './support/token-requests';

const reader = { clientId: 'reader', secret: 'reader-secret', grantTypes: ['client_credentials'], scope: 'other.read' };

describe('scope policy (extensions.scopePolicy)', () => {
  let partial: RunningAuthorizationServer;
  let standard: RunningAuthorizationServer;

  beforeAll(async () => {
    const CLIENTS = await declaredClientsSetting([reader]);
    partial = await startAuthorizationServer(createAuthorizationServer, { CLIENTS });
    standard = await startAuthorizationServer((env) => createApp(loadAuthServerConfig(env)), { CLIENTS });
  });
  afterAll(async () => {
    await partial.close();
    await standard.close();
  });

  const clientCredentials = (server: RunningAuthorizationServer, scope: string) =>
    postForm(
      `${server.url}/token`,
      { grant_type: 'client_credentials', scope },
      { authorization: basic(reader.clientId, reader.secret) },
    );

  it('by default refuses a request naming a scope the client may not have (RFC 6749 §3.3)', async () => {
    const response = await clientCredentials(standard, 'other.read other.write');
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_scope');
  });

  it('replaced, grants the allowed part and says so in the response scope (RFC 6749 §3.3, §5.1)', async () => {
    const response = await clientCredentials(partial, 'other.read other.write');
    expect(response.status).toBe(200);
    expect(response.body['scope']).toBe('other.read');
  });

  it('replaced, still refuses when nothing requested is allowed', async () => {
    const response = await clientCredentials(partial, 'other.write');
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_scope');
  });
});
