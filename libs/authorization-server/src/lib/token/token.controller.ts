import { Controller, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { invalidRequest, unauthorizedClient, unsupportedGrantType } from '@oauth/oauth-errors';
import { tokenIssued } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import type { RegisteredClient } from '../clients/registered-client';
import { GRANTS, type Grant } from './grants/grant';
import { rejectDuplicateParameters, requireFormBody, type TokenRequestParams } from './token-request';
import type { TokenResponse } from './token-response';
import { TokenEndpointOpenApi } from './token.openapi';

/** RFC 6749 §3.2: the token endpoint. Each grant type is handled by its own Grant. */
@Controller('token')
export class TokenController {
  private readonly grants: ReadonlyMap<string, Grant>;

  constructor(
    private readonly clientAuthenticator: ClientAuthenticator,
    @Inject(GRANTS) grants: Grant[],
    private readonly audit: AuditLog,
  ) {
    this.grants = new Map(grants.map((grant) => [grant.grantType, grant]));
  }

  @Post()
  @TokenEndpointOpenApi()
  @HttpCode(200)
  // RFC 6749 §5.1: responses carrying tokens must not be cached.
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async token(@Req() request: FastifyRequest): Promise<TokenResponse> {
    const params = rejectDuplicateParameters(requireFormBody(request.headers['content-type'], request.body));
    const grant = this.chooseGrant(params);
    const client = await this.clientAuthenticator.authenticate({
      authorization: request.headers.authorization,
      params,
      sourceAddress: request.ip,
    });
    this.assertGrantAllowed(client, grant);
    const response = await grant.handle(params, client);
    this.audit.record(tokenIssued(grant.grantType, client, response));
    return response;
  }

  private chooseGrant(params: TokenRequestParams): Grant {
    const grantType = params['grant_type'];
    if (grantType === undefined) throw invalidRequest('The parameter grant_type is missing');
    const grant = this.grants.get(grantType);
    if (!grant) throw unsupportedGrantType(`The grant type ${JSON.stringify(grantType)} is not supported`);
    return grant;
  }

  private assertGrantAllowed(client: RegisteredClient, grant: Grant): void {
    // A public client has nothing but PKCE to prove it is itself: only the authorization_code grant has that.
    const publicClientMisuse = client.tokenEndpointAuthMethod === 'none' && grant.grantType !== 'authorization_code';
    if (publicClientMisuse || !client.grantTypes.includes(grant.grantType)) {
      throw unauthorizedClient(`The client may not use the ${grant.grantType} grant`);
    }
  }
}
