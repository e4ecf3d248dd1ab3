import type { ClientRegistry } from '../clients/client-registry';
import type { RegisteredClient } from '../clients/registered-client';
import type { ClientAuthenticationRequest } from './presented-credentials';

/**
 * RFC 7591 §2 `none`: a public client (a browser or native app, which cannot keep a secret) identifies
 * itself with `client_id` in the body and nothing else (RFC 6749 §3.2.1). Only clients registered with
 * `token_endpoint_auth_method: none` may do so; the token endpoint restricts them to authorization_code,
 * whose PKCE binding stands in for the missing secret.
 */
export class NoneMethod {
  readonly name = 'none' as const;

  /** Only client_id: no Authorization header, no secret, no assertion. */
  isUsedBy(request: ClientAuthenticationRequest): boolean {
    const { params } = request;
    return (
      request.authorization === undefined &&
      params['client_id'] !== undefined &&
      params['client_secret'] === undefined &&
      params['client_assertion'] === undefined &&
      params['client_assertion_type'] === undefined
    );
  }

  async identify(request: ClientAuthenticationRequest, clients: ClientRegistry): Promise<RegisteredClient | null> {
    const client = await clients.findById(request.params['client_id'] ?? '');
    return client?.tokenEndpointAuthMethod === this.name ? client : null;
  }
}
