import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The session cookie. Outside development it is `Secure` and carries the `__Host-` prefix, so it is
 * sent only over HTTPS, only to this host and cannot be set by a sibling domain. `SameSite=Lax` keeps it
 * off cross-site POSTs; `HttpOnly` keeps it from scripts.
 */
export class SessionCookie {
  readonly name: string;

  constructor(private readonly secure: boolean) {
    this.name = secure ? '__Host-session' : 'session';
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies[this.name];
  }

  write(reply: FastifyReply, value: string, maxAgeSeconds: number): void {
    void reply.setCookie(this.name, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secure,
      path: '/',
      maxAge: maxAgeSeconds,
    });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(this.name, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' });
  }
}
