import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientRegistry } from '../clients/client-registry';
import { SessionService } from '../sessions/session.service';
import { ConsentListOpenApi, ConsentRevocationOpenApi } from './authorize.openapi';
import { ConsentRepository } from './consent.repository';
import { sendPage, sendRedirect } from './html-reply';
import { consentsPage, errorPage, type ConsentListing } from './pages';
import { formField, readForm } from './posted-form';

const NOT_SIGNED_IN = 'You are not signed in. Sign in through an application first.';

/** Lets a signed-in person see the consents they gave and revoke them. */
@Controller('authorize/consents')
@ApiTags('authorize')
export class ConsentsController {
  constructor(
    private readonly sessions: SessionService,
    private readonly consents: ConsentRepository,
    private readonly clients: ClientRegistry,
  ) {}

  @Get()
  @ConsentListOpenApi()
  async list(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessions.current(request);
    if (!session?.userId) return sendPage(reply, 401, errorPage(NOT_SIGNED_IN));
    const listings: ConsentListing[] = [];
    for (const consent of await this.consents.listForUser(session.userId)) {
      const client = await this.clients.findById(consent.clientId);
      if (client) listings.push({ client, scopes: consent.scopes });
    }
    await sendPage(reply, 200, consentsPage(listings, session.csrfToken));
  }

  /** Forgets the consent and revokes the client's refresh tokens for this person. */
  @Post('revoke')
  @ConsentRevocationOpenApi()
  async revoke(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = readForm(request);
    const session = await this.sessions.current(request);
    if (!session?.userId || !this.sessions.hasCsrfToken(session, form['csrf_token'])) {
      return sendPage(reply, 403, errorPage(NOT_SIGNED_IN));
    }
    await this.consents.revoke(session.userId, formField(form, 'client_id'));
    await sendRedirect(reply, 303, '/authorize/consents');
  }
}
