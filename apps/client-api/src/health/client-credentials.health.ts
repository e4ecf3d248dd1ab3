import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ClientApiConfig } from '@oauth/config';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import { ClientCredentialsSource } from '../credentials/client-credentials.source';

/**
 * Whether this client can authenticate at the token endpoint at all: always with a configured secret or private key;
 * in development, once the auth server has written the demo credentials. Without them every call would fail.
 */
@Injectable()
export class ClientCredentialsHealthIndicator {
  constructor(
    @Inject(CLIENT_API_CONFIG) private readonly config: ClientApiConfig,
    private readonly credentials: ClientCredentialsSource,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    // private_key_jwt: the key is configured and checked at boot; there is no secret to wait for.
    if (this.config.clientAuthentication.method === 'private_key_jwt') return indicator.up();
    try {
      await this.credentials.current();
      return indicator.up();
    } catch (error) {
      // The message names the missing file, never a secret.
      return indicator.down({ message: error instanceof Error ? error.message : 'unavailable' });
    }
  }
}
