import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { AuthServerConfig } from '@oauth/config';
import { generateOpaqueToken, hashToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { SessionCookie } from './session-cookie';
import { SessionRepository, type StoredSession } from './session.repository';

/** A session before sign-in lives long enough to fill in the login form. */
const ANONYMOUS_SESSION_SECONDS = 30 * 60;
const SIGNED_IN_SESSION_SECONDS = 8 * 60 * 60;

/**
 * Login sessions: a random cookie value, stored only as its SHA-256, and a per-session CSRF token that
 * every form posts back (synchronizer token). Signing in replaces the session, so a value planted before
 * sign-in is worthless afterwards (session fixation). See docs/adr/0010-authorization-code-flow.md.
 */
@Injectable()
export class SessionService {
  private readonly cookie: SessionCookie;

  constructor(
    @Inject(AUTH_SERVER_CONFIG) config: AuthServerConfig,
    private readonly sessions: SessionRepository,
  ) {
    this.cookie = new SessionCookie(config.environment !== 'development');
  }

  async current(request: FastifyRequest): Promise<StoredSession | null> {
    const value = this.cookie.read(request);
    return value ? this.sessions.findByTokenHash(hashToken(value)) : null;
  }

  /** The current session, or a new anonymous one (with its cookie) to carry the login form's CSRF token. */
  async currentOrAnonymous(request: FastifyRequest, reply: FastifyReply): Promise<StoredSession> {
    return (await this.current(request)) ?? this.start(reply, null, ANONYMOUS_SESSION_SECONDS);
  }

  /** Ends `previous` and starts a signed-in session with a fresh cookie value and CSRF token. */
  async signIn(reply: FastifyReply, previous: StoredSession, userId: string): Promise<StoredSession> {
    await this.sessions.delete(previous.id);
    return this.start(reply, userId, SIGNED_IN_SESSION_SECONDS);
  }

  /** True when the form's CSRF token is the session's. */
  hasCsrfToken(session: StoredSession, presented: unknown): boolean {
    if (typeof presented !== 'string') return false;
    const expected = Buffer.from(session.csrfToken);
    const actual = Buffer.from(presented);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private async start(reply: FastifyReply, userId: string | null, lifetimeSeconds: number): Promise<StoredSession> {
    const value = generateOpaqueToken();
    const csrfToken = generateOpaqueToken();
    const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
    const id = await this.sessions.create({ tokenHash: hashToken(value), csrfToken, userId, expiresAt });
    this.cookie.write(reply, value, lifetimeSeconds);
    return { id, csrfToken, userId, expiresAt };
  }
}
