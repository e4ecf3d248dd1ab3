import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PasswordLogin } from '../users/password-login';
import { SessionService } from '../sessions/session.service';
import type { StoredSession } from '../sessions/session.repository';
import { AuthorizationRedirectError } from './authorization-errors';
import { AuthorizationFlow } from './authorization-flow';
import { AuthorizeOpenApi, ConsentFormOpenApi, LoginFormOpenApi } from './authorize.openapi';
import { sendPage, sendRedirect } from './html-reply';
import { errorPage } from './pages';
import { formField, readForm } from './posted-form';

const WRONG_CREDENTIALS = 'Wrong username or password.';
const LOCKED_OUT = 'Too many failed sign-in attempts. Wait a few minutes and try again.';
const FORM_EXPIRED =
  'This form has expired or did not come from this site. Go back to the application and start again.';

/**
 * RFC 6749 §3.1 authorization endpoint with its login and consent forms. Forms post back the original
 * query string, which is validated again in full on every step.
 */
@Controller('authorize')
@ApiTags('authorize')
export class AuthorizeController {
  constructor(
    private readonly flow: AuthorizationFlow,
    private readonly sessions: SessionService,
    private readonly login: PasswordLogin,
  ) {}

  @Get()
  @AuthorizeOpenApi()
  async authorize(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const params = new URL(request.url, 'http://authorize').searchParams;
    await this.flow.run(params, reply, 302, async (authorization) => {
      const session = await this.sessions.currentOrAnonymous(request, reply);
      await this.flow.continue(authorization, session, reply, 302);
    });
  }

  @Post('login')
  @LoginFormOpenApi()
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = readForm(request);
    const session = await this.sessionWithCsrf(request, form);
    if (!session) return sendPage(reply, 403, errorPage(FORM_EXPIRED));
    await this.flow.run(
      new URLSearchParams(formField(form, 'authorization_request')),
      reply,
      303,
      async (authorization) => {
        const result = await this.login.signIn(formField(form, 'username'), formField(form, 'password'), request.ip);
        if (result.outcome === 'locked') {
          // RFC 6585 §4: 429 with Retry-After (ADR 0013).
          reply.header('Retry-After', String(result.retryAfterSeconds));
          return this.flow.showLogin(reply, authorization, session, 429, LOCKED_OUT);
        }
        if (result.outcome === 'refused')
          return this.flow.showLogin(reply, authorization, session, 401, WRONG_CREDENTIALS);
        await this.sessions.signIn(reply, session, result.user.id);
        // Back to the authorization endpoint, which now finds a signed-in session and asks for consent.
        await sendRedirect(reply, 303, `/authorize?${authorization.queryString}`);
      },
    );
  }

  @Post('consent')
  @ConsentFormOpenApi()
  async consent(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = readForm(request);
    const session = await this.sessionWithCsrf(request, form);
    if (!session?.userId) return sendPage(reply, 403, errorPage(FORM_EXPIRED));
    const userId = session.userId;
    await this.flow.run(
      new URLSearchParams(formField(form, 'authorization_request')),
      reply,
      303,
      async (authorization) => {
        const decision = formField(form, 'decision');
        if (decision !== 'allow') throw new AuthorizationRedirectError('access_denied', 'The user denied the request');
        await this.flow.rememberConsent(userId, authorization);
        await this.flow.redirectWithCode(reply, authorization, userId, 303);
      },
    );
  }

  /** The session, when the form carries its CSRF token (synchronizer token, docs/adr/0010). */
  private async sessionWithCsrf(
    request: FastifyRequest,
    form: Record<string, string | string[]>,
  ): Promise<StoredSession | null> {
    const session = await this.sessions.current(request);
    return session && this.sessions.hasCsrfToken(session, form['csrf_token']) ? session : null;
  }
}
