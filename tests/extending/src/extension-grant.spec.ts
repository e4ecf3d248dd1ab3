import { Injectable } from '@nestjs/common';
import { decodeJwt } from 'jose';
import { createApp, type Grant, type TokenResponse } from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { createAuthorizationServer } from './examples/api-key.grant';
import {
  startAuthorizationServer,
  testEnvironment,
  type RunningAuthorizationServer,
} from './support/authorization-server';
import { declaredClientsSetting } from '@oauth/testing';
import { basic, getJson, postForm } from './support/token-requests';

const API_KEY_GRANT = 'urn:example:grant-type:api-key';
const portal = { clientId: 'portal', secret: 'portal-secret', grantTypes: [API_KEY_GRANT], scope: 'other.read' };
const batch = { clientId: 'batch', secret: 'batch-secret', grantTypes: ['client_credentials'], scope: 'other.read' };

describe('extension grant (extensions.grants, RFC 6749 §4.5)', () => {
  let server: RunningAuthorizationServer;

  beforeAll(async () => {
    server = await startAuthorizationServer(createAuthorizationServer, {
      CLIENTS: await declaredClientsSetting([portal, batch]),
    });
  });
  afterAll(() => server.close());

  const token = (form: Record<string, string>, client: typeof portal = portal) =>
    postForm(`${server.url}/token`, form, { authorization: basic(client.clientId, client.secret) });

  it("answers the toy grant with an access token for the key's user", async () => {
    const response = await token({ grant_type: API_KEY_GRANT, api_key: 'key-of-ada', scope: 'other.read' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: 'Bearer', scope: 'other.read' });
    expect(decodeJwt(response.body['access_token'] as string)).toMatchObject({
      sub: 'ada',
      client_id: 'portal',
      aud: 'other',
    });
  });

  it('passes on its OAuth errors: an unknown key is invalid_grant (RFC 6749 §5.2)', async () => {
    const response = await token({ grant_type: API_KEY_GRANT, api_key: 'key-of-nobody', scope: 'other.read' });
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('invalid_grant');
  });

  it('is refused to a client not registered for it: unauthorized_client (RFC 6749 §5.2)', async () => {
    const response = await token({ grant_type: API_KEY_GRANT, api_key: 'key-of-ada', scope: 'other.read' }, batch);
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('unauthorized_client');
  });

  it('still answers an unknown grant type with unsupported_grant_type (RFC 6749 §5.2)', async () => {
    const response = await token({ grant_type: 'urn:example:grant-type:unknown', scope: 'other.read' });
    expect(response.status).toBe(400);
    expect(response.body['error']).toBe('unsupported_grant_type');
  });

  it('is listed in the metadata beside the built-in grants (RFC 8414 §2 grant_types_supported)', async () => {
    const metadata = await getJson(`${server.url}/.well-known/oauth-authorization-server`);
    expect(metadata.body['grant_types_supported']).toEqual([
      'authorization_code',
      'client_credentials',
      'refresh_token',
      API_KEY_GRANT,
    ]);
  });

  describe('boot checks', () => {
    @Injectable()
    class ImpostorGrant implements Grant {
      readonly grantType = 'client_credentials';
      handle(): Promise<TokenResponse> {
        throw new Error('never called');
      }
    }

    it('refuses to boot with a grant that would replace a built-in one', async () => {
      const environment = await testEnvironment();
      try {
        await expect(createApp(loadAuthServerConfig(environment.env), { grants: [ImpostorGrant] })).rejects.toThrow(
          'The extension grant ImpostorGrant has the grant type client_credentials, which ClientCredentialsGrant handles already',
        );
      } finally {
        await environment.cleanUp();
      }
    });

    it('refuses to boot when CLIENTS names a grant type no grant handles', async () => {
      const environment = await testEnvironment({ CLIENTS: await declaredClientsSetting([portal]) });
      try {
        await expect(createApp(loadAuthServerConfig(environment.env))).rejects.toThrow(
          `CLIENTS: client "portal" names unsupported grant types: ${API_KEY_GRANT}`,
        );
      } finally {
        await environment.cleanUp();
      }
    });
  });
});
