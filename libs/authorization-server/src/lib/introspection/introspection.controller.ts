import { Controller, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthServerConfig } from '@oauth/config';
import { ClientAuthenticator } from '../client-auth/client-authenticator';
import type { RegisteredClient } from '../clients/registered-client';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { rejectDuplicateParameters, requireFormBody, requireParameter } from '../token/token-request';
import { INACTIVE, type IntrospectionResponse } from './introspection-response';
import { IntrospectionEndpointOpenApi } from './introspection.openapi';
import { IssuedTokenReader, type LiveAccessToken } from './issued-token.reader';

/**
 * RFC 7662: token introspection for authenticated clients (§2.1 requires the caller to be authorized).
 * A caller learns about a token only when it is its business (ADR 0006): the token was issued to it,
 * or the caller is the token's audience (a resource server registered under its audience name).
 */
@Controller('introspect')
export class IntrospectionController {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clientAuthenticator: ClientAuthenticator,
    private readonly tokens: IssuedTokenReader,
  ) {}

  @Post()
  @IntrospectionEndpointOpenApi()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async introspect(@Req() request: FastifyRequest): Promise<IntrospectionResponse> {
    const params = rejectDuplicateParameters(requireFormBody(request.headers['content-type'], request.body));
    const caller = await this.clientAuthenticator.authenticate({
      authorization: request.headers.authorization,
      params,
      sourceAddress: request.ip,
    });
    const token = requireParameter(params, 'token');
    return (await this.accessToken(token, caller)) ?? (await this.refreshToken(token, caller)) ?? INACTIVE;
  }

  private async accessToken(token: string, caller: RegisteredClient): Promise<IntrospectionResponse | null> {
    const claims = await this.tokens.activeAccessToken(token);
    if (!claims || !this.concerns(claims, caller)) return null;
    return {
      active: true,
      scope: claims.scope,
      client_id: claims.clientId,
      sub: claims.sub,
      aud: claims.aud,
      iss: this.config.issuer,
      exp: claims.exp,
      iat: claims.iat,
      jti: claims.jti,
      token_type: 'Bearer',
    };
  }

  private async refreshToken(token: string, caller: RegisteredClient): Promise<IntrospectionResponse | null> {
    const stored = await this.tokens.refreshToken(token);
    const now = Date.now();
    if (!stored || stored.clientId !== caller.clientId) return null;
    if (stored.rotatedAt !== null || stored.revokedAt !== null || stored.expiresAt.getTime() <= now) return null;
    return {
      active: true,
      scope: stored.scope,
      client_id: stored.clientId,
      sub: stored.subject,
      aud: stored.audience,
      iss: this.config.issuer,
      exp: Math.floor(stored.expiresAt.getTime() / 1000),
      iat: Math.floor(stored.createdAt.getTime() / 1000),
      jti: stored.id,
    };
  }

  private concerns(claims: LiveAccessToken, caller: RegisteredClient): boolean {
    return claims.clientId === caller.clientId || claims.aud === caller.clientId;
  }
}
