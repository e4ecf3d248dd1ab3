import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { StoredSession } from '../sessions/session.repository';
import { AuthorizationCodeIssuer } from '../token/authorization-code.issuer';
import { AuthorizationPageError, AuthorizationRedirectError } from './authorization-errors';
import type { AuthorizationRequest, VerifiedRedirect } from './authorization-request';
import { AuthorizationRequestValidator } from './authorization-request.validator';
import { authorizationResponseUrl } from './authorization-response';
import { ConsentRepository } from './consent.repository';
import { formTargetOf, sendPage, sendRedirect } from './html-reply';
import { consentPage, errorPage, loginPage } from './pages';

/** The steps shared by the authorization endpoint and its login and consent forms. */
@Injectable()
export class AuthorizationFlow {
  private readonly logger = new Logger(AuthorizationFlow.name);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly validator: AuthorizationRequestValidator,
    private readonly consents: ConsentRepository,
    private readonly codes: AuthorizationCodeIssuer,
  ) {}

  /**
   * Runs `step` on the validated request. An untrustworthy client or redirect URI becomes an error page;
   * any later error goes back to the client's redirect URI with `error`, `error_description`, `state`, `iss`.
   */
  async run(
    params: URLSearchParams,
    reply: FastifyReply,
    redirectStatus: 302 | 303,
    step: (request: AuthorizationRequest) => Promise<void>,
  ): Promise<void> {
    let target: VerifiedRedirect | undefined;
    try {
      target = await this.validator.verifyRedirect(params);
      await step(await this.validator.validate(params));
    } catch (error) {
      if (error instanceof AuthorizationPageError) return sendPage(reply, error.status, errorPage(error.description));
      if (!target) throw error;
      const redirectError = error instanceof AuthorizationRedirectError ? error : this.unexpected(error as Error);
      const location = authorizationResponseUrl(target, this.config.issuer, {
        error: redirectError.code,
        error_description: redirectError.description,
      });
      return sendRedirect(reply, redirectStatus, location);
    }
  }

  /** What a person sees next: the login page, the consent page, or (consent remembered) the client with a code. */
  async continue(
    request: AuthorizationRequest,
    session: StoredSession,
    reply: FastifyReply,
    redirectStatus: 302 | 303,
  ): Promise<void> {
    if (session.userId === null) return this.showLogin(reply, request, session, 200);
    const scopes = request.granted.scopes.values();
    if (await this.consents.covers(session.userId, request.client.clientId, scopes)) {
      return this.redirectWithCode(reply, request, session.userId, redirectStatus);
    }
    return sendPage(reply, 200, consentPage(request, session.csrfToken), [formTargetOf(request.redirectUri)]);
  }

  async showLogin(
    reply: FastifyReply,
    request: AuthorizationRequest,
    session: StoredSession,
    status: number,
    message?: string,
  ): Promise<void> {
    await sendPage(reply, status, loginPage(request, session.csrfToken, message), [formTargetOf(request.redirectUri)]);
  }

  async rememberConsent(userId: string, request: AuthorizationRequest): Promise<void> {
    await this.consents.grant(userId, request.client.clientId, request.granted.scopes.values());
  }

  /** RFC 6749 §4.1.2: the code, with `state` and `iss`. */
  async redirectWithCode(
    reply: FastifyReply,
    request: AuthorizationRequest,
    userId: string,
    redirectStatus: 302 | 303,
  ): Promise<void> {
    const code = await this.codes.issue({
      clientId: request.client.clientId,
      userId,
      redirectUri: request.redirectUri,
      granted: request.granted,
      codeChallenge: request.codeChallenge,
    });
    await sendRedirect(reply, redirectStatus, authorizationResponseUrl(request, this.config.issuer, { code }));
  }

  /** RFC 6749 §4.1.2.1 server_error: the client learns something failed, never what. */
  private unexpected(error: Error): AuthorizationRedirectError {
    this.logger.error(`Authorization request failed: ${error.stack ?? error.message}`);
    return new AuthorizationRedirectError('server_error', 'The authorization server failed to process the request');
  }
}
