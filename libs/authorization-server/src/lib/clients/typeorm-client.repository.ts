import { Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { ScopeSet } from '@oauth/scopes';
import { ClientEntity } from './client.entity';
import { ClientRepository } from './client.repository';
import type { ClientRegistration, RegisteredClient } from './registered-client';

/** The client ids the registry can hold: 1-128 RFC 6749 VSCHAR characters. */
const CLIENT_ID = /^[\x20-\x7E]{1,128}$/;

@Injectable()
export class TypeOrmClientRepository extends ClientRepository {
  private readonly clients: Repository<ClientEntity>;

  constructor(dataSource: DataSource) {
    super();
    this.clients = dataSource.getRepository(ClientEntity);
  }

  async findById(clientId: string): Promise<RegisteredClient | null> {
    // RFC 6749 Appendix A.1: client-id = *VSCHAR; anything else cannot be registered, so needs no query.
    if (!CLIENT_ID.test(clientId)) return null;
    const entity = await this.clients.findOneBy({ clientId });
    return entity ? toRegisteredClient(entity) : null;
  }

  async list(): Promise<RegisteredClient[]> {
    const entities = await this.clients.find({ order: { clientId: 'ASC' } });
    return entities.map(toRegisteredClient);
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
        tokenEndpointAuthSigningAlg: registration.tokenEndpointAuthSigningAlg ?? null,
      },
      ['clientId'],
    );
  }

  async delete(clientId: string): Promise<boolean> {
    const result = await this.clients.delete({ clientId });
    return (result.affected ?? 0) > 0;
  }

  async rotateSecret(clientId: string, secretHash: string, previousSecretExpiresAt: Date): Promise<boolean> {
    // One UPDATE reads the replaced hash and keeps it, so no rotation can drop a secret another just set.
    const result = await this.clients
      .createQueryBuilder()
      .update()
      .set({ previousSecretHash: () => 'secret_hash', previousSecretExpiresAt, secretHash })
      .where('client_id = :clientId', { clientId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}

function toRegisteredClient(entity: ClientEntity): RegisteredClient {
  return {
    clientId: entity.clientId,
    clientName: entity.clientName,
    tokenEndpointAuthMethod: entity.tokenEndpointAuthMethod,
    secretHash: entity.secretHash,
    previousSecretHash: entity.previousSecretHash,
    previousSecretExpiresAt: entity.previousSecretExpiresAt,
    grantTypes: entity.grantTypes,
    allowedScopes: ScopeSet.parse(entity.scope),
    redirectUris: entity.redirectUris,
    jwks: entity.jwks,
    jwksUri: entity.jwksUri,
    tokenEndpointAuthSigningAlg: entity.tokenEndpointAuthSigningAlg,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
