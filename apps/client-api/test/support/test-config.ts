import { loadClientApiConfig, type ClientApiConfig } from '@oauth/config';

/** The app's config through its real loader, as `main.ts` gets it, pointed at the fakes. */
export function testConfig(env: Record<string, string | undefined>): ClientApiConfig {
  return loadClientApiConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    CLIENT_API_PORT: '0',
    CLIENT_ID: 'client',
    CLIENT_SECRET: 'secret',
    CLIENT_SCOPES: 'other.read other.write',
    TOKEN_REFRESH_MARGIN: '30',
    HTTP_TIMEOUT_MS: '2000',
    ...env,
  });
}
