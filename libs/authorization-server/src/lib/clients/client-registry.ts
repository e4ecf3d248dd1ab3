import type { RegisteredClient } from './registered-client';

/**
 * The registered clients, as the protocol endpoints read them: the token, authorization, revocation and
 * introspection endpoints only ever look a client up by its `client_id` (RFC 6749 §2.2).
 *
 * The default keeps clients in Postgres (managed at `/clients` and by the `CLIENTS` setting). An app that keeps its
 * clients elsewhere provides its own with `extensions.clientRegistry`; the server then uses nothing else: no
 * `/clients` endpoints, no `CLIENTS` seeding, no cache of its own (the registry caches if it wants to).
 */
export abstract class ClientRegistry {
  /** The client with this `client_id`, or null when there is none. Called on every authenticated request. */
  abstract findById(clientId: string): Promise<RegisteredClient | null>;

  /**
   * Every scope some client may be granted, sorted: discovery advertises them as `scopes_supported`
   * (RFC 8414 §2). Optional: without it, the metadata leaves `scopes_supported` out (it is RECOMMENDED, not
   * required).
   */
  listScopes?(): Promise<string[]>;
}
