import { hash } from 'bcryptjs';

/** A client with a secret, to declare in an auth server's CLIENTS setting. */
export interface DeclaredTestClient {
  clientId: string;
  secret: string;
  grantTypes: string[];
  scope: string;
}

/** The CLIENTS setting that declares these clients; each secret is stored as a bcrypt hash of cost 11. */
export async function declaredClientsSetting(clients: readonly DeclaredTestClient[]): Promise<string> {
  return JSON.stringify(
    await Promise.all(
      clients.map(async (client) => ({
        client_id: client.clientId,
        client_secret_hash: await hash(client.secret, 11),
        grant_types: client.grantTypes,
        scope: client.scope,
      })),
    ),
  );
}
