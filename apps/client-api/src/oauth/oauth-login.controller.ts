import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ClientApiConfig } from '@oauth/config';
import { ScopeSet } from '@oauth/scopes';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import { ClientCredentialsSource } from '../credentials/client-credentials.source';
import { RESOURCE_API_AUDIENCE } from '../other/resource-api.client';
import { TokenEndpointClient } from '../token/token-endpoint.client';
import { BrowserSessionStore } from '../browser-session/browser-session.store';
import { homePage } from '../home/home.page';
import { OAuthCallbackOpenApi, OAuthLoginOpenApi } from './oauth-login.openapi';
import { createPkcePair } from './pkce';

/**
 * The authorization-code flow as a confidential client (RFC 6749 §4.1 with PKCE, RFC 9207): `login`
 * sends the browser to the authorization server, `callback` checks the answer and redeems the code.
 */
@Controller('oauth')
@ApiTags('browser')
export class OAuthLoginController {
  private readonly logger = new Logger(OAuthLoginController.name);
  private readonly redirectUri: string;
  private readonly scope: string;

  constructor(
    @Inject(CLIENT_API_CONFIG) private readonly config: ClientApiConfig,
    private readonly sessions: BrowserSessionStore,
    private readonly credentials: ClientCredentialsSource,
    private readonly tokenEndpoint: TokenEndpointClient,
  ) {
    this.redirectUri = `${config.publicUrl}/oauth/callback`;
    const scopes = ScopeSet.parse(config.scopes).permissionsFor(RESOURCE_API_AUDIENCE);
    this.scope = scopes.map((permission) => `${RESOURCE_API_AUDIENCE}.${permission}`).join(' ');
  }

  @Get('login')
  @OAuthLoginOpenApi()
  async login(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = this.sessions.findOrStart(request, reply);
    const { verifier, challenge } = createPkcePair();
    const state = randomBytes(32).toString('base64url');
    session.pending = { state, codeVerifier: verifier, redirectUri: this.redirectUri };
    const { clientId } = await this.credentials.current();
    const url = new URL(`${this.config.issuer}/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: this.redirectUri,
      scope: this.scope,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }).toString();
    await reply.status(302).header('Location', url.toString()).send();
  }

  @Get('callback')
  @OAuthCallbackOpenApi()
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = new URL(request.url, 'http://callback').searchParams;
    const session = this.sessions.find(request);
    const pending = session?.pending;
    // RFC 6749 §10.12: the state must be the one this browser's session sent; one use only.
    if (!session || !pending || !sameString(query.get('state'), pending.state)) {
      return this.failed(reply, 'The sign-in answer does not belong to this browser (state mismatch).');
    }
    session.pending = undefined;
    // RFC 9207 §2.4: the answer must come from the authorization server the request went to.
    if (query.get('iss') !== this.config.issuer) {
      return this.failed(reply, 'The sign-in answer came from an unexpected issuer.');
    }
    const error = query.get('error');
    if (error !== null) return this.failed(reply, `The authorization server answered ${error.slice(0, 64)}.`);
    const code = query.get('code');
    if (!code) return this.failed(reply, 'The sign-in answer carries no code.');
    const tokens = await this.tokenEndpoint.request({
      grant_type: 'authorization_code',
      code,
      redirect_uri: pending.redirectUri,
      code_verifier: pending.codeVerifier,
    });
    session.tokens = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: Date.now() + tokens.expires_in * 1000,
    };
    this.logger.log('A person signed in through the authorization-code flow');
    await reply.status(303).header('Location', '/').send();
  }

  /** A failed sign-in: the home page, signed out, with what went wrong. */
  private async failed(reply: FastifyReply, message: string): Promise<void> {
    await reply
      .status(400)
      .type('text/html; charset=utf-8')
      .send(homePage({ signedIn: false, notice: message }));
  }
}

function sameString(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  const [a, b] = [Buffer.from(presented), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
