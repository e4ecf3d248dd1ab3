import type { FastifyReply } from 'fastify';
import { contentSecurityPolicy } from './html';

/** The origin a form on our pages may end up at after redirects: the client's redirect URI. */
export function formTargetOf(redirectUri: string): string {
  const url = new URL(redirectUri);
  // Private-use schemes of native apps (RFC 8252 §7.1) have no origin; CSP takes the scheme.
  return url.origin === 'null' ? url.protocol : url.origin;
}

/** Headers that keep our pages and the redirects carrying codes out of frames, caches and Referer headers. */
function protect(reply: FastifyReply): FastifyReply {
  return reply
    .header('Cache-Control', 'no-store')
    .header('Pragma', 'no-cache')
    .header('X-Frame-Options', 'DENY')
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer');
}

/** Sends a server-rendered page. */
export async function sendPage(
  reply: FastifyReply,
  status: number,
  body: string,
  formTargets: readonly string[] = [],
): Promise<void> {
  await protect(reply)
    .status(status)
    .header('Content-Security-Policy', contentSecurityPolicy(formTargets))
    .type('text/html; charset=utf-8')
    .send(body);
}

/** Redirects the browser: 302 after a GET, 303 after a form POST so the next request is a GET. */
export async function sendRedirect(reply: FastifyReply, status: 302 | 303, location: string): Promise<void> {
  await protect(reply).status(status).header('Location', location).send();
}
