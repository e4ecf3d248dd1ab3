import { ClientRegistry } from './client-registry';
import type { ClientRegistration, RegisteredClient } from './registered-client';

/** The Postgres client registry, as the grants and client authentication read it and the admin API writes it. */
export abstract class ClientRepository extends ClientRegistry {
  /** Every registered client, ordered by client_id. */
  abstract list(): Promise<RegisteredClient[]>;

  /** Creates the client or replaces its registration. */
  abstract save(registration: ClientRegistration): Promise<void>;

  /** Removes the client (its refresh tokens go with it); false when there was none. */
  abstract delete(clientId: string): Promise<boolean>;

  /**
   * Replaces the client's secret hash; the replaced one stays valid until `previousSecretExpiresAt`.
   * False when there is no such client.
   */
  abstract rotateSecret(clientId: string, secretHash: string, previousSecretExpiresAt: Date): Promise<boolean>;

  /** Every scope some client may be granted, sorted: what discovery advertises. */
  abstract override listScopes(): Promise<string[]>;
}
