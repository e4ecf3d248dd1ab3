import { Inject, Injectable } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { OAuthError } from '@oauth/oauth-errors';
import { generateOpaqueToken } from '@oauth/tokens';
import { clientCreated, clientDeleted, clientSecretRotated, clientUpdated } from '../../audit/audit-events';
import { AuditLog } from '../../audit/audit-log';
import { AUTH_SERVER_CONFIG } from '../../config/auth-server-config.token';
import { BcryptPool } from '../../client-auth/bcrypt-pool';
import { ClientRepository } from '../../clients/client.repository';
import type { RegisteredClient } from '../../clients/registered-client';
import { invalidClientMetadata, type ClientMetadata } from './client-metadata.schema';

/** bcrypt work factor for generated secrets (the same as `npm run keygen`). */
const BCRYPT_COST = 12;
/** 256 random bits, base64url: 43 bytes, well under bcrypt's 72-byte limit. */
const SECRET_BYTES = 32;
const CLIENT_ID_BYTES = 16;

const SECRET_METHODS: readonly string[] = ['client_secret_basic', 'client_secret_post'];

/** A client and, right after it was made, its plain secret. */
export interface ClientWithSecret {
  client: RegisteredClient;
  secret?: string;
}

/** Operator actions on the client registry: the server makes client_ids and secrets; only hashes are stored. */
@Injectable()
export class ClientRegistryService {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clients: ClientRepository,
    private readonly bcrypt: BcryptPool,
    private readonly audit: AuditLog,
  ) {}

  list(): Promise<RegisteredClient[]> {
    return this.clients.list();
  }

  async read(clientId: string): Promise<RegisteredClient> {
    const client = await this.clients.findById(clientId);
    if (!client) throw notFound();
    return client;
  }

  async create(metadata: ClientMetadata): Promise<ClientWithSecret> {
    const clientId = generateOpaqueToken(CLIENT_ID_BYTES);
    const secret = SECRET_METHODS.includes(metadata.tokenEndpointAuthMethod)
      ? generateOpaqueToken(SECRET_BYTES)
      : undefined;
    const secretHash = secret === undefined ? null : await this.bcrypt.hash(secret, BCRYPT_COST);
    await this.clients.save({ clientId, ...metadata, secretHash });
    this.audit.record(clientCreated(clientId, metadata));
    return { client: await this.read(clientId), secret };
  }

  /** RFC 7592 §2.2: the metadata is replaced as a whole; the secret stays as it is. */
  async update(clientId: string, metadata: ClientMetadata): Promise<RegisteredClient> {
    const existing = await this.read(clientId);
    const usesSecret = SECRET_METHODS.includes(metadata.tokenEndpointAuthMethod);
    if (usesSecret && !existing.secretHash) {
      throw invalidClientMetadata(
        'token_endpoint_auth_method: a client without a secret cannot switch to a secret method; create a new client',
      );
    }
    // A client that moves to private_key_jwt drops its secret, so the secret cannot come back into use.
    await this.clients.save({ clientId, ...metadata, secretHash: usesSecret ? existing.secretHash : null });
    this.audit.record(clientUpdated(clientId, metadata));
    return this.read(clientId);
  }

  async delete(clientId: string): Promise<void> {
    if (!(await this.clients.delete(clientId))) throw notFound();
    this.audit.record(clientDeleted(clientId));
  }

  /** A new secret; the current one keeps working for the configured overlap, so clients can roll over. */
  async rotateSecret(clientId: string): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
    const client = await this.read(clientId);
    if (!SECRET_METHODS.includes(client.tokenEndpointAuthMethod)) {
      throw invalidClientMetadata(`The client authenticates with ${client.tokenEndpointAuthMethod}, not a secret`);
    }
    const secret = generateOpaqueToken(SECRET_BYTES);
    const overlapMs = this.config.clientAuthentication.secretRotationOverlapSeconds * 1000;
    const previousSecretExpiresAt = new Date(Date.now() + overlapMs);
    if (
      !(await this.clients.rotateSecret(clientId, await this.bcrypt.hash(secret, BCRYPT_COST), previousSecretExpiresAt))
    ) {
      throw notFound();
    }
    this.audit.record(clientSecretRotated(clientId, previousSecretExpiresAt));
    return { secret, previousSecretExpiresAt };
  }
}

const notFound = () => new OAuthError('not_found', 404, 'No such client');
