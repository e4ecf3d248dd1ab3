import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { ScopeSet } from '@oauth/scopes';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientRepository } from './client.repository';
import { parsePublicJwks } from './client-keys';

/** Upserts the clients declared in the `CLIENTS` setting, so config stays the source of truth for them. */
@Injectable()
export class DeclaredClientsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeclaredClientsSeeder.name);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clients: ClientRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const declared of this.config.declaredClients) {
      // Fail at boot, not at the first token request, when a declared scope or key is malformed.
      ScopeSet.parse(declared.scope);
      const jwks = declared.jwks ? this.checkedJwks(declared.clientId, declared.jwks) : null;
      await this.clients.save({ ...declared, jwks });
    }
    if (this.config.declaredClients.length > 0) {
      this.logger.log(`Registered ${this.config.declaredClients.length} client(s) from configuration`);
    }
  }

  private checkedJwks(clientId: string, jwks: unknown) {
    try {
      return parsePublicJwks(jwks);
    } catch (error) {
      throw new Error(`CLIENTS: client ${JSON.stringify(clientId)}: ${(error as Error).message}`);
    }
  }
}
