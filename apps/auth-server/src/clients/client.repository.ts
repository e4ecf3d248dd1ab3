import type { ClientRegistration, RegisteredClient } from './registered-client';

/** The client registry, as the grants and client authentication see it. */
export abstract class ClientRepository {
  abstract findById(clientId: string): Promise<RegisteredClient | null>;

  /** Creates the client or replaces its registration. */
  abstract save(registration: ClientRegistration): Promise<void>;

  /** Every scope some client may be granted, sorted: what discovery advertises. */
  abstract listScopes(): Promise<string[]>;
}
