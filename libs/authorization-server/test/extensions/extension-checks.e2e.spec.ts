import { Injectable } from '@nestjs/common';
import { loadAuthServerConfig } from '@oauth/config';
import { createTestDatabase } from '@oauth/testing';
import { createApp } from '../../src/lib/bootstrap/create-app';
import type { AuthorizationServerExtensions } from '../../src/lib/app/authorization-server-extensions';
import type { Grant } from '../../src/lib/token/grants/grant';
import type { TokenResponse } from '../../src/lib/token/token-response';
import { KEY_ENCRYPTION_KEY } from '../support/auth-server.fixture';

@Injectable()
class UnnamedGrant implements Grant {
  readonly grantType = 'password';
  handle(): Promise<TokenResponse> {
    throw new Error('never called');
  }
}

/** Mistakes in the extensions stop the boot with a message naming them, before the server serves anything. */
describe('extension checks at boot', () => {
  const boot = async (extensions: AuthorizationServerExtensions) => {
    const database = await createTestDatabase('auth_server');
    try {
      const config = loadAuthServerConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'fatal',
        DATABASE_URL: database.url,
        KEY_ENCRYPTION_KEY,
      });
      const app = await createApp(config, extensions);
      await app.close();
    } finally {
      await database.drop();
    }
  };

  it.each<[string, unknown, string]>([
    ['a misspelt seam', { clientStore: {} }, 'Unknown authorization server extensions: clientStore'],
    ['a claims hook that is no function', { accessTokenClaims: { tenant: 'acme' } }, 'must be a function'],
    ['a grant that is no class', { grants: [{ grantType: 'urn:x' }] }, 'must be an array of grant classes'],
    ['a registry without findById', { clientRegistry: { find: () => null } }, 'object with a findById method'],
    ['a scope policy without grant', { scopePolicy: {} }, 'object with a grant method'],
    // RFC 6749 §4.5: extension grant types are absolute URIs; OAuth 2.1 dropped the password grant on purpose.
    ['a grant type that is not an absolute URI', { grants: [UnnamedGrant] }, 'must have an absolute URI'],
  ])('refuses %s', async (_case, extensions, message) => {
    await expect(boot(extensions as AuthorizationServerExtensions)).rejects.toThrow(message);
  });
});
