import { ConfigError } from './load-config';
import { loadAuthServerConfig } from './auth-server.config';
import { loadClientApiConfig } from './client-api.config';
import { loadResourceApiConfig } from './resource-api.config';

const HASH = '$2b$12$' + 'a'.repeat(53);

describe('config', () => {
  it('gives the auth server its documented defaults', () => {
    const config = loadAuthServerConfig({});
    expect(config.http.port).toBe(5001);
    expect(config.issuer).toBe('http://localhost:5001');
    expect(config.tokens).toEqual({
      signingAlgorithm: 'RS256',
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 1_209_600,
    });
    expect(config.database.url).toBeUndefined();
    expect(config.declaredClients).toEqual([]);
  });

  it('parses declared clients', () => {
    const config = loadAuthServerConfig({
      CLIENTS: JSON.stringify([
        { client_id: 'svc', client_secret_hash: HASH, grant_types: ['client_credentials'], scope: 'other.read' },
      ]),
    });
    expect(config.declaredClients).toEqual([
      {
        clientId: 'svc',
        tokenEndpointAuthMethod: 'client_secret_basic',
        secretHash: HASH,
        grantTypes: ['client_credentials'],
        scope: 'other.read',
        redirectUris: [],
      },
    ]);
  });

  it('parses a declared private_key_jwt client with its keys', () => {
    const jwks = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k1' }] };
    const config = loadAuthServerConfig({
      CLIENTS: JSON.stringify([
        {
          client_id: 'svc',
          token_endpoint_auth_method: 'private_key_jwt',
          jwks,
          token_endpoint_auth_signing_alg: 'ES256',
          grant_types: ['client_credentials'],
          scope: 'other.read',
        },
      ]),
    });
    expect(config.declaredClients).toEqual([
      {
        clientId: 'svc',
        tokenEndpointAuthMethod: 'private_key_jwt',
        secretHash: null,
        jwks,
        tokenEndpointAuthSigningAlg: 'ES256',
        grantTypes: ['client_credentials'],
        scope: 'other.read',
        redirectUris: [],
      },
    ]);
    expect(config.clientAuthentication.acceptTokenEndpointAudience).toBe(false);
    expect(config.clientAuthentication.assertionMaxLifetimeSeconds).toBe(300);
  });

  it('parses redirect URIs of authorization-code clients, and refuses one with a fragment', () => {
    const client = {
      client_id: 'web',
      client_secret_hash: HASH,
      grant_types: ['authorization_code'],
      scope: 'other.read',
      redirect_uris: ['https://web.example/cb'],
    };
    expect(loadAuthServerConfig({ CLIENTS: JSON.stringify([client]) }).declaredClients[0].redirectUris).toEqual([
      'https://web.example/cb',
    ]);
    expect(() =>
      loadAuthServerConfig({ CLIENTS: JSON.stringify([{ ...client, redirect_uris: ['https://web.example/cb#x'] }]) }),
    ).toThrow(
      'Invalid configuration: CLIENTS.0.redirect_uris.0: redirect_uris must be absolute URIs without a fragment',
    );
  });

  // RFC 6749 §4.5: extension grants are named by absolute URIs; the server checks at boot that it has them.
  it('accepts an extension grant type that is an absolute URI, and refuses one that is not', () => {
    const client = {
      client_id: 'svc',
      client_secret_hash: HASH,
      grant_types: ['urn:example:grant-type:api-key'],
      scope: 'other.read',
    };
    expect(loadAuthServerConfig({ CLIENTS: JSON.stringify([client]) }).declaredClients[0].grantTypes).toEqual([
      'urn:example:grant-type:api-key',
    ]);
    expect(() => loadAuthServerConfig({ CLIENTS: JSON.stringify([{ ...client, grant_types: ['password'] }]) })).toThrow(
      'Invalid configuration: CLIENTS.0.grant_types.0: grant_types must be client_credentials, refresh_token, ' +
        "authorization_code or an extension grant's absolute URI",
    );
  });

  it.each([
    [{ AUTH_SERVER_PORT: 'abc' }, 'Invalid configuration: AUTH_SERVER_PORT: expected a port number'],
    [{ ACCESS_TOKEN_TTL: '5' }, 'Invalid configuration: ACCESS_TOKEN_TTL: expected at least 60'],
    [{ SIGNING_ALG: 'HS256' }, 'Invalid configuration: SIGNING_ALG:'],
    [{ DATABASE_URL: 'mysql://x' }, 'Invalid configuration: DATABASE_URL: expected a postgres:// URL'],
    [{ KEY_ENCRYPTION_KEY: 'short' }, 'Invalid configuration: KEY_ENCRYPTION_KEY: expected 32 bytes'],
    [{ CLIENTS: 'not json' }, 'Invalid configuration: CLIENTS: expected a JSON array of clients'],
    [
      {
        CLIENTS: JSON.stringify([
          { client_id: 'a', client_secret_hash: 'plain', grant_types: ['client_credentials'], scope: '' },
        ]),
      },
      'Invalid configuration: CLIENTS.0.client_secret_hash: client_secret_hash must be a bcrypt hash',
    ],
    [
      {
        CLIENTS: JSON.stringify([
          {
            client_id: 'a',
            client_secret_hash: '$2b$10$' + 'a'.repeat(53),
            grant_types: ['client_credentials'],
            scope: '',
          },
        ]),
      },
      'Invalid configuration: CLIENTS.0.client_secret_hash: client_secret_hash must use a bcrypt cost of at least 11',
    ],
    [
      { CLIENTS: JSON.stringify([{ client_id: 'a', grant_types: ['client_credentials'], scope: '' }]) },
      'Invalid configuration: CLIENTS.0.client_secret_hash: is required for a secret method',
    ],
    [
      {
        CLIENTS: JSON.stringify([
          {
            client_id: 'a',
            token_endpoint_auth_method: 'private_key_jwt',
            grant_types: ['client_credentials'],
            scope: '',
          },
        ]),
      },
      'Invalid configuration: CLIENTS.0.jwks: private_key_jwt needs exactly one of jwks and jwks_uri',
    ],
    [
      { CLIENT_ASSERTION_ACCEPT_TOKEN_ENDPOINT_AUDIENCE: 'yes' },
      'Invalid configuration: CLIENT_ASSERTION_ACCEPT_TOKEN_ENDPOINT_AUDIENCE: expected true or false',
    ],
    [{ NODE_ENV: 'production' }, 'Invalid configuration: DATABASE_URL: is required in production'],
    [
      {
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/oauth',
        KEY_ENCRYPTION_KEY: 'a'.repeat(43),
        ISSUER: 'https://auth.example.com',
        CLIENTS: JSON.stringify([
          {
            client_id: 'a',
            token_endpoint_auth_method: 'private_key_jwt',
            jwks_uri: 'http://keys.example.com/jwks.json',
            grant_types: ['client_credentials'],
            scope: '',
          },
        ]),
      },
      'Invalid configuration: CLIENTS.0.jwks_uri: must be https in production',
    ],
  ])('stops on a bad auth-server setting %j with one line naming it', (env, message) => {
    expect(() => loadAuthServerConfig(env)).toThrow(ConfigError);
    expect(() => loadAuthServerConfig(env)).toThrow(message);
  });

  it('takes a declared jwks_uri over http outside production only, and over https everywhere', () => {
    const clients = (jwksUri: string) =>
      JSON.stringify([
        {
          client_id: 'a',
          token_endpoint_auth_method: 'private_key_jwt',
          jwks_uri: jwksUri,
          grant_types: ['client_credentials'],
          scope: '',
        },
      ]);
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/oauth',
      KEY_ENCRYPTION_KEY: 'a'.repeat(43),
      ISSUER: 'https://auth.example.com',
    };
    const https = 'https://keys.example.com/jwks.json';
    expect(loadAuthServerConfig({ ...production, CLIENTS: clients(https) }).declaredClients[0].jwksUri).toBe(https);
    const http = 'http://127.0.0.1:8080/jwks.json';
    expect(loadAuthServerConfig({ CLIENTS: clients(http) }).declaredClients[0].jwksUri).toBe(http);
  });

  it('never echoes the bad value, which may be a secret', () => {
    expect(() => loadAuthServerConfig({ KEY_ENCRYPTION_KEY: 'my-secret-value' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('my-secret-value') }),
    );
  });

  it('derives the resource API JWKS URI from the issuer', () => {
    const config = loadResourceApiConfig({ ISSUER: 'https://auth.example.com/' });
    expect(config.tokens.issuer).toBe('https://auth.example.com');
    expect(config.tokens.jwksUri).toBe('https://auth.example.com/.well-known/jwks.json');
    expect(config.tokens.audience).toBe('other');
  });

  it('requires the client secret in production only', () => {
    expect(loadClientApiConfig({}).credentials).toEqual({ clientId: 'client', clientSecret: undefined });
    expect(() => loadClientApiConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid configuration: CLIENT_SECRET: is required in production',
    );
  });

  it('takes a private JWK instead of a secret for private_key_jwt', () => {
    const key = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd', alg: 'ES256', kid: 'k1' };
    const config = loadClientApiConfig({
      NODE_ENV: 'production',
      CLIENT_AUTH_METHOD: 'private_key_jwt',
      CLIENT_PRIVATE_KEY: JSON.stringify(key),
      AUTH_SERVER_URL: 'http://auth-server:5001',
      ISSUER: 'https://auth.example.com',
    });
    expect(config.clientAuthentication).toEqual({
      method: 'private_key_jwt',
      privateKey: key,
      authServerIssuer: 'https://auth.example.com',
    });
  });

  it.each([
    [{ CLIENT_AUTH_METHOD: 'private_key_jwt' }, 'CLIENT_PRIVATE_KEY: is required for private_key_jwt'],
    [{ CLIENT_PRIVATE_KEY: '{"kty":"EC","alg":"ES256"}' }, 'CLIENT_PRIVATE_KEY.d:'],
    [{ CLIENT_PRIVATE_KEY: '{"kty":"oct","k":"x","d":"x","alg":"HS256"}' }, 'CLIENT_PRIVATE_KEY.kty:'],
  ])('refuses a bad client-api key setting %j', (env, message) => {
    expect(() => loadClientApiConfig(env)).toThrow(`Invalid configuration: ${message}`);
  });
});
