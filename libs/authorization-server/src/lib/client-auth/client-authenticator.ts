import { Injectable, Logger } from '@nestjs/common';
import { invalidClient, invalidRequest } from '@oauth/oauth-errors';
import { ClientAuthenticationLimit, type ClientAttempt } from '../brute-force/client-authentication.limit';
import { ClientRegistry } from '../clients/client-registry';
import { clientAuthenticationFailed, type ClientAuthenticationFailure } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';
import type { RegisteredClient } from '../clients/registered-client';
import { ClientAssertionRejectedError } from './client-assertion-rejected.error';
import { ClientAssertionVerifier } from './client-assertion.verifier';
import { ClientSecretBasicMethod } from './client-secret-basic.method';
import { ClientSecretPostMethod } from './client-secret-post.method';
import type {
  ClientAuthenticationAttempt,
  ClientAuthenticationMethod,
  ClientAuthenticationRequest,
  PresentedAssertion,
  PresentedCredentials,
  PresentedSecret,
} from './presented-credentials';
import { NoneMethod } from './none.method';
import { PrivateKeyJwtMethod } from './private-key-jwt.method';
import { SecretVerifier } from './secret-verifier';

/** The realm of the Basic challenge sent with a failed Basic authentication. */
const REALM = 'token';

/**
 * Picks the client authentication method a request uses and authenticates the client with it. A client may use
 * only the method it registered (RFC 7591 §2 token_endpoint_auth_method).
 */
@Injectable()
export class ClientAuthenticator {
  private readonly logger = new Logger(ClientAuthenticator.name);
  private readonly methods: readonly ClientAuthenticationMethod[] = [
    new ClientSecretBasicMethod(),
    new ClientSecretPostMethod(),
    new PrivateKeyJwtMethod(),
  ];
  private readonly none = new NoneMethod();

  constructor(
    private readonly clients: ClientRegistry,
    private readonly secrets: SecretVerifier,
    private readonly assertions: ClientAssertionVerifier,
    private readonly limit: ClientAuthenticationLimit,
    private readonly audit: AuditLog,
  ) {}

  async authenticate(request: ClientAuthenticationAttempt): Promise<RegisteredClient> {
    if (this.none.isUsedBy(request)) return this.authenticatePublicClient(request);
    const presented = this.chooseMethod(request).read(request);
    const client = presented.clientId ? await this.clients.findById(presented.clientId) : null;
    // A secret this instance verified moments ago is no guess: no bcrypt run, and no failure limit (ADR 0001, 0013).
    if (client && presented.method !== 'private_key_jwt' && this.isRememberedSecret(presented, client)) return client;
    const attempt: ClientAttempt = { clientId: presented.clientId, sourceAddress: request.sourceAddress };
    const failure =
      presented.method === 'private_key_jwt'
        ? await this.checkAssertion(presented, client, attempt)
        : await this.checkSecretUnlessBlocked(presented, client, attempt);
    if (failure !== null || !client) {
      await this.limit.recordFailure(attempt);
      throw this.failure(presented, client, failure ?? 'unknown client');
    }
    return client;
  }

  /**
   * ADR 0013: while the client_id or the address is blocked, no secret is checked at all (a guess could succeed), and
   * the answer is 429; an unknown client goes the same way as a wrong secret, so the block tells nothing either.
   */
  private async checkSecretUnlessBlocked(
    presented: PresentedSecret,
    client: RegisteredClient | null,
    attempt: ClientAttempt,
  ): Promise<string | null> {
    await this.limit.assertMayTry(attempt);
    return this.checkSecret(presented, client);
  }

  private isRememberedSecret(presented: PresentedSecret, client: RegisteredClient): boolean {
    if (client.tokenEndpointAuthMethod !== presented.method) return false;
    return liveSecretHashes(client).some((hash) => this.secrets.isRemembered(presented.secret, hash));
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

  /** Why the secret does not authenticate the client, or null when it does. */
  private async checkSecret(presented: PresentedSecret, client: RegisteredClient | null): Promise<string | null> {
    const hashes = client?.tokenEndpointAuthMethod === presented.method ? liveSecretHashes(client) : [];
    if (hashes.length === 0) {
      // Unknown client, another method or no secret: one bcrypt run all the same, so the answer takes as long.
      await this.secrets.spendAsMuchAsACheck(presented.secret);
      return client
        ? `no secret usable with ${presented.method} (registered: ${client.tokenEndpointAuthMethod})`
        : 'unknown client';
    }
    for (const hash of hashes) {
      if (await this.secrets.verify(presented.secret, hash)) return null;
    }
    return 'wrong secret';
  }

  /** Why the assertion does not authenticate the client, or null when it does. */
  private async checkAssertion(
    presented: PresentedAssertion,
    client: RegisteredClient | null,
    attempt: ClientAttempt,
  ): Promise<string | null> {
    const failure = await this.assertionFailure(presented, client);
    // ADR 0013: a signature cannot be guessed, so a valid assertion passes even while blocked, and only a failed one
    // asks the limit (429 while blocked, as for secrets).
    if (failure !== null) await this.limit.assertMayTry(attempt);
    return failure;
  }

  private async assertionFailure(
    presented: PresentedAssertion,
    client: RegisteredClient | null,
  ): Promise<string | null> {
    if (!client) return 'unknown client';
    if (client.tokenEndpointAuthMethod !== presented.method) {
      return `the client is registered for ${client.tokenEndpointAuthMethod}`;
    }
    try {
      await this.assertions.verify(presented.assertion, client);
      return null;
    } catch (error) {
      if (error instanceof ClientAssertionRejectedError) return error.reason;
      throw error;
    }
  }

  /** The same answer whatever failed; the operator's log tells the cases apart. */
  private failure(presented: PresentedCredentials, client: RegisteredClient | null, reason: string) {
    const clientId = JSON.stringify(presented.clientId.slice(0, 128));
    this.logger.warn(
      `Client authentication failed for client_id ${clientId} (${presented.method}): ${reason.slice(0, 300)}`,
    );
    this.audit.record(clientAuthenticationFailed(presented, failureCategory(presented, client)));
    return invalidClient(
      'Client authentication failed',
      presented.method === 'client_secret_basic' ? REALM : undefined,
    );
  }
}

/** The failure as a category for the audit table, from facts rather than from the reason's wording. */
function failureCategory(
  presented: PresentedCredentials,
  client: RegisteredClient | null,
): ClientAuthenticationFailure {
  if (!client) return 'unknown_client';
  if (client.tokenEndpointAuthMethod !== presented.method) return 'method_not_registered';
  if (presented.method === 'private_key_jwt') return 'invalid_assertion';
  return liveSecretHashes(client).length === 0 ? 'no_usable_secret' : 'wrong_secret';
}

/** The current secret's hash and, during a rotation's overlap window, the replaced one's. */
function liveSecretHashes(client: RegisteredClient): string[] {
  const hashes = client.secretHash ? [client.secretHash] : [];
  const previousLive = (client.previousSecretExpiresAt?.getTime() ?? 0) > Date.now();
  if (client.previousSecretHash && previousLive) hashes.push(client.previousSecretHash);
  return hashes;
}
