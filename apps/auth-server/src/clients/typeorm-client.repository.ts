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
      secretHash: entity.secretHash,
      grantTypes: entity.grantTypes,
      allowedScopes: ScopeSet.parse(entity.scope),
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
        secretHash: registration.secretHash,
        grantTypes: [...registration.grantTypes],
        scope: registration.scope,
      },
      ['clientId'],
    );
  }
}
