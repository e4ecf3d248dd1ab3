import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigError, type ClientApiConfig } from '@oauth/config';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import type { ClientCredentials } from './client-credentials';
import { demoCredentialsPath, readDemoCredentials } from './demo-credentials.file';

/**
 * The demo credentials file exists only in development; anywhere else a secret client must have its secret
 * configured (a private_key_jwt client has its key checked by the config schema).
 */
export function requireClientSecretOutsideDevelopment(config: ClientApiConfig): void {
  if (config.clientAuthentication.method !== 'client_secret_basic') return;
  if (config.credentials.clientSecret === undefined && config.environment !== 'development') {
    throw new ConfigError('Invalid configuration: CLIENT_SECRET: is required outside development');
  }
}

/**
 * The client's credentials: the configured secret when set; otherwise, in development only,
 * the demo credentials the auth server writes on its first start. Those are read on first use,
 * not at boot, because the auth server may start after this app.
 */
@Injectable()
export class ClientCredentialsSource {
  private readonly logger = new Logger(ClientCredentialsSource.name);
  private readonly configured?: ClientCredentials;
  private demo?: ClientCredentials;

  constructor(@Inject(CLIENT_API_CONFIG) private readonly config: ClientApiConfig) {
    requireClientSecretOutsideDevelopment(config);
    const { clientId, clientSecret } = config.credentials;
    if (clientSecret !== undefined) this.configured = { clientId, clientSecret };
  }

  async current(): Promise<ClientCredentials> {
    if (this.configured) return this.configured;
    this.demo ??= await this.readDemo();
    return this.demo;
  }

  /**
   * Called after the token endpoint answered `invalid_client`: the auth server may have regenerated
   * the demo credentials. Returns the new credentials, or undefined when re-reading cannot help.
   */
  async reload(): Promise<ClientCredentials | undefined> {
    if (this.configured) return undefined;
    const previous = this.demo;
    this.demo = await this.readDemo();
    const changed = previous?.clientId !== this.demo.clientId || previous.clientSecret !== this.demo.clientSecret;
    return changed ? this.demo : undefined;
  }

  private async readDemo(): Promise<ClientCredentials> {
    const credentials = await readDemoCredentials(this.config.dataDir);
    this.logger.log(
      `Using the demo credentials of client "${credentials.clientId}" from ${demoCredentialsPath(this.config.dataDir)}`,
    );
    return credentials;
  }
}
