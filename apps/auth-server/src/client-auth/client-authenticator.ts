import { Injectable, Logger } from '@nestjs/common';
import { invalidClient, invalidRequest } from '@oauth/oauth-errors';
import { ClientRepository } from '../clients/client.repository';
import type { RegisteredClient } from '../clients/registered-client';
import { ClientSecretBasicMethod } from './client-secret-basic.method';
import { ClientSecretPostMethod } from './client-secret-post.method';
import { NoneMethod } from './none.method';
import type { ClientAuthenticationMethod, ClientAuthenticationRequest, PresentedSecret } from './presented-credentials';
import { SecretVerifier } from './secret-verifier';

/** The realm of the Basic challenge sent with a failed Basic authentication. */
const REALM = 'token';

/** Picks the client authentication method a request uses and authenticates the client with it. */
@Injectable()
export class ClientAuthenticator {
  private readonly logger = new Logger(ClientAuthenticator.name);
  private readonly methods: readonly ClientAuthenticationMethod[] = [
    new ClientSecretBasicMethod(),
    new ClientSecretPostMethod(),
  ];
  private readonly none = new NoneMethod();

  constructor(
    private readonly clients: ClientRepository,
    private readonly secrets: SecretVerifier,
  ) {}

  async authenticate(request: ClientAuthenticationRequest): Promise<RegisteredClient> {
    if (this.none.isUsedBy(request)) return this.authenticatePublicClient(request);
    const presented = this.chooseMethod(request).read(request);
    const client = presented.clientId ? await this.clients.findById(presented.clientId) : null;
    const valid = client?.secretHash
      ? await this.secrets.verify(presented.secret, client.secretHash)
      : await this.secrets.spendAsMuchAsACheck();
    if (!client || !valid) throw this.failure(presented, client ? 'wrong secret' : 'unknown client');
    return client;
  }

  private async authenticatePublicClient(request: ClientAuthenticationRequest): Promise<RegisteredClient> {
    const client = await this.none.identify(request, this.clients);
    if (client) return client;
    // A confidential client that sent no credentials gets the same answer as before public clients existed.
    throw invalidClient('Client authentication is required', REALM);
  }

  private chooseMethod(request: ClientAuthenticationRequest): ClientAuthenticationMethod {
    const used = this.methods.filter((method) => method.isUsedBy(request));
    // RFC 6749 §2.3: a client must not use more than one authentication method per request.
    if (used.length > 1) throw invalidRequest('Use exactly one client authentication method');
    if (used.length === 0) throw invalidClient('Client authentication is required', REALM);
    return used[0];
  }

  /** The same answer for an unknown client and a wrong secret; the operator's log tells them apart. */
  private failure(presented: PresentedSecret, reason: string) {
    const clientId = JSON.stringify(presented.clientId.slice(0, 128));
    this.logger.warn(`Client authentication failed for client_id ${clientId} (${presented.method}): ${reason}`);
    return invalidClient(
      'Client authentication failed',
      presented.method === 'client_secret_basic' ? REALM : undefined,
    );
  }
}
