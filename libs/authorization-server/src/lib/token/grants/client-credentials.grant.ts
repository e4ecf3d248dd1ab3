import { Injectable } from '@nestjs/common';
import type { RegisteredClient } from '../../clients/registered-client';
import { ScopePolicy } from '../scope-policy';
import { TokenIssuer } from '../token-issuer';
import type { TokenRequestParams } from '../token-request';
import type { TokenResponse } from '../token-response';
import type { Grant } from './grant';

/** RFC 6749 §4.4: the client acts on its own behalf; it is the token's subject. */
@Injectable()
export class ClientCredentialsGrant implements Grant {
  readonly grantType = 'client_credentials';

  constructor(
    private readonly scopePolicy: ScopePolicy,
    private readonly issuer: TokenIssuer,
  ) {}

  async handle(params: TokenRequestParams, client: RegisteredClient): Promise<TokenResponse> {
    const granted = await this.scopePolicy.grant({ requested: params['scope'], client, grantType: this.grantType });
    const prepared = await this.issuer.prepare({
      client,
      grantType: this.grantType,
      subject: client.clientId,
      granted,
    });
    // RFC 6749 §4.4.3 discourages refresh tokens here; this deployment issues them to clients
    // registered for the refresh_token grant, so they can renew without re-sending their secret.
    if (!client.grantTypes.includes('refresh_token')) return this.issuer.respond(prepared);
    const refreshToken = await this.issuer.startRefreshTokenFamily(client, client.clientId, granted, prepared.ticket);
    return this.issuer.respondRecorded(prepared, refreshToken);
  }
}
