import { loadAuthServerConfig } from './auth-server.config';
import { loadClientApiConfig } from './client-api.config';
import { loadResourceApiConfig } from './resource-api.config';

describe('SHUTDOWN_TIMEOUT', () => {
  it('gives every app 5 seconds to drain by default', () => {
    expect(loadAuthServerConfig({}).http.shutdownTimeoutSeconds).toBe(5);
    expect(loadResourceApiConfig({}).http.shutdownTimeoutSeconds).toBe(5);
    expect(loadClientApiConfig({}).http.shutdownTimeoutSeconds).toBe(5);
  });

  it('reads whole seconds, 0 meaning no drain at all', () => {
    expect(loadAuthServerConfig({ SHUTDOWN_TIMEOUT: '0' }).http.shutdownTimeoutSeconds).toBe(0);
    expect(loadClientApiConfig({ SHUTDOWN_TIMEOUT: '30' }).http.shutdownTimeoutSeconds).toBe(30);
  });

  it('refuses a value that is not a whole number of seconds up to 300', () => {
    expect(() => loadResourceApiConfig({ SHUTDOWN_TIMEOUT: '2.5' })).toThrow(
      'Invalid configuration: SHUTDOWN_TIMEOUT: expected a whole number',
    );
    expect(() => loadAuthServerConfig({ SHUTDOWN_TIMEOUT: '301' })).toThrow(
      'Invalid configuration: SHUTDOWN_TIMEOUT: expected at most 300',
    );
  });
});
