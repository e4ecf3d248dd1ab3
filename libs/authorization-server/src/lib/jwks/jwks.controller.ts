import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { JSONWebKeySet } from 'jose';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { SigningKeyService } from '../keys/signing-key.service';
import { JwksOpenApi } from './jwks.openapi';

/** RFC 7517 §5: the public keys that verify access tokens. */
@Controller('.well-known')
@ApiTags('discovery')
export class JwksController {
  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly keys: SigningKeyService,
  ) {}

  @Get('jwks.json')
  @JwksOpenApi()
  @Header('Content-Type', 'application/jwk-set+json')
  jwks(@Res({ passthrough: true }) reply: FastifyReply): JSONWebKeySet {
    // A next key is published at least this long before it signs (ADR 0007), so a cache this old still has it.
    void reply.header('Cache-Control', `public, max-age=${this.config.keys.jwksMaxAgeSeconds}`);
    return this.keys.publishedKeys();
  }
}
