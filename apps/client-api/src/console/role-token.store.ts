import { Injectable } from '@nestjs/common';
import { TokenEndpointClient } from '../token/token-endpoint.client';
import { ROLE_AUDIENCES, type Role, type RoleAudience } from './role';

/** What a login obtained, without the tokens themselves (they never leave this app). */
export interface RoleLogin {
  role: Role;
  tokens: { audience: RoleAudience; scope: string; expires_in: number }[];
}

/**
 * The console's tokens per role: `server.{role}` for the auth server's operator endpoints and
 * `other.{role}` for the resource API, obtained with the client_credentials grant at login.
 */
@Injectable()
export class RoleTokenStore {
  private readonly held = new Map<Role, Map<RoleAudience, string>>();

  constructor(private readonly tokenEndpoint: TokenEndpointClient) {}

  async login(role: Role): Promise<RoleLogin> {
    const tokens = new Map<RoleAudience, string>();
    const summary: RoleLogin['tokens'] = [];
    for (const audience of ROLE_AUDIENCES) {
      const response = await this.tokenEndpoint.request({
        grant_type: 'client_credentials',
        scope: `${audience}.${role}`,
      });
      tokens.set(audience, response.access_token);
      summary.push({ audience, scope: response.scope ?? `${audience}.${role}`, expires_in: response.expires_in });
    }
    this.held.set(role, tokens);
    return { role, tokens: summary };
  }

  /** The role's token for `audience`, logging the role in first when it holds none. */
  async tokenFor(role: Role, audience: RoleAudience): Promise<string> {
    const held = this.held.get(role)?.get(audience);
    if (held !== undefined) return held;
    await this.login(role);
    return this.held.get(role)?.get(audience) as string;
  }
}
