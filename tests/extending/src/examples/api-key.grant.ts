import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createApp,
  ScopePolicy,
  TokenIssuer,
  type Grant,
  type RegisteredClient,
  type TokenRequestParams,
  type TokenResponse,
} from '@oauth/authorization-server';
import { loadAuthServerConfig } from '@oauth/config';
import { invalidGrant, invalidRequest } from '@oauth/oauth-errors';

/**
 * A toy extension grant (RFC 6749 §4.5): a client trades a user's legacy API key for an access token for that user.
 * Clients must be registered for its grant type, e.g. in CLIENTS: "grant_types": ["urn:example:grant-type:api-key"].
 */
@Injectable()
export class ApiKeyGrant implements Grant {
  readonly grantType = 'urn:example:grant-type:api-key';

  /** API key → user id; in your app, hashed keys in your own store. */
  private readonly apiKeys = new Map([['key-of-ada', 'ada']]);

  constructor(
    private readonly scopePolicy: ScopePolicy,
    private readonly issuer: TokenIssuer,
  ) {}

  async handle(params: TokenRequestParams, client: RegisteredClient): Promise<TokenResponse> {
    const apiKey = params['api_key'];
    if (apiKey === undefined) throw invalidRequest('The parameter api_key is missing');
    const user = this.apiKeys.get(apiKey);
    if (user === undefined) throw invalidGrant('The API key is invalid');
    const granted = await this.scopePolicy.grant({ requested: params['scope'], client, grantType: this.grantType });
    return this.issuer.issue({ client, grantType: this.grantType, subject: user, granted });
  }
}

/** What your main.ts calls instead of the plain createApp(config). */
export function createAuthorizationServer(env: NodeJS.ProcessEnv): Promise<NestFastifyApplication> {
  return createApp(loadAuthServerConfig(env), { grants: [ApiKeyGrant] });
}
