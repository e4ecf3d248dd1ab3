import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { ScopeSet } from '@oauth/scopes';
import { ClientEntity } from './client.entity';
import { ClientRepository } from './client.repository';
import type { ClientRegistration, RegisteredClient } from './registered-client';

@Injectable()
export class TypeOrmClientRepository extends ClientRepository {
  private readonly clients: Repository<ClientEntity>;

  constructor(dataSource: DataSource) {
    super();
    this.clients = dataSource.getRepository(ClientEntity);
  }

  async findById(clientId: string): Promise<RegisteredClient | null> {
    const entity = await this.clients.findOneBy({ clientId });
    if (!entity) return null;
    return {
      clientId: entity.clientId,
      clientName: entity.clientName,
      tokenEndpointAuthMethod: entity.tokenEndpointAuthMethod,
      secretHash: entity.secretHash,
      grantTypes: entity.grantTypes,
      allowedScopes: ScopeSet.parse(entity.scope),
      redirectUris: entity.redirectUris,
      jwks: entity.jwks,
      jwksUri: entity.jwksUri,
    };
  }

  async listScopes(): Promise<string[]> {
    const rows: { scope: string }[] = await this.clients.query(
      `SELECT DISTINCT unnest(string_to_array(scope, ' ')) AS scope FROM oauth_clients ORDER BY scope`,
    );
    return rows.map((row) => row.scope).filter((scope) => scope !== '');
  }

  async save(registration: ClientRegistration): Promise<void> {
    await this.clients.upsert(
      {
        clientId: registration.clientId,
        clientName: registration.clientName ?? null,
        tokenEndpointAuthMethod: registration.tokenEndpointAuthMethod ?? 'client_secret_basic',
        secretHash: registration.secretHash,
        grantTypes: [...registration.grantTypes],
        scope: registration.scope,
        redirectUris: [...(registration.redirectUris ?? [])],
        jwks: registration.jwks ?? null,
        jwksUri: registration.jwksUri ?? null,
      },
      ['clientId'],
    );
  }
}
