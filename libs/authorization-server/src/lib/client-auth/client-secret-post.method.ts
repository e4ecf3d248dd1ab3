import type { ClientAuthenticationMethod, ClientAuthenticationRequest, PresentedSecret } from './presented-credentials';

/** RFC 6749 §2.3.1: client_id and client_secret as body parameters. */
export class ClientSecretPostMethod implements ClientAuthenticationMethod {
  readonly name = 'client_secret_post' as const;

  isUsedBy(request: ClientAuthenticationRequest): boolean {
    return request.params['client_secret'] !== undefined;
  }

  read(request: ClientAuthenticationRequest): PresentedSecret {
    return {
      method: this.name,
      clientId: request.params['client_id'] ?? '',
      secret: request.params['client_secret'] ?? '',
    };
  }
}
