import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { ClientApiConfig } from '@oauth/config';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';

/** An authorization request in progress: what the callback must find again (RFC 6749 §10.12, RFC 7636). */
export interface PendingAuthorization {
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

/** The tokens the signed-in person's authorization gave this client. */
export interface UserTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

export interface BrowserSession {
  pending?: PendingAuthorization;
  tokens?: UserTokens;
}

const COOKIE = 'client_session';
const MAX_SESSIONS = 10_000;

/**
 * Per-browser state, kept in this process's memory and keyed by the SHA-256 of a random cookie value.
 * A demo client's choice: sessions vanish on restart and are not shared between instances.
 */
@Injectable()
export class BrowserSessionStore {
  private readonly sessions = new Map<string, BrowserSession>();
  private readonly secure: boolean;

  constructor(@Inject(CLIENT_API_CONFIG) config: ClientApiConfig) {
    this.secure = config.environment !== 'development';
  }

  /** The browser's session, if it has one. */
  find(request: FastifyRequest): BrowserSession | undefined {
    const value = request.cookies[COOKIE];
    return value === undefined ? undefined : this.sessions.get(keyOf(value));
  }

  /** The browser's session, or a new one with its cookie set on `reply`. */
  findOrStart(request: FastifyRequest, reply: FastifyReply): BrowserSession {
    const existing = this.find(request);
    if (existing) return existing;
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const value = randomBytes(32).toString('base64url');
    const session: BrowserSession = {};
    this.sessions.set(keyOf(value), session);
    void reply.setCookie(COOKIE, value, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
    return session;
  }
}

const keyOf = (value: string) => createHash('sha256').update(value).digest('base64url');
