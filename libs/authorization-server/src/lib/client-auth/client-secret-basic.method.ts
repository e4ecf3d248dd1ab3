import { invalidRequest } from '@oauth/oauth-errors';
import type { ClientAuthenticationMethod, ClientAuthenticationRequest, PresentedSecret } from './presented-credentials';

const BASIC = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;

/** RFC 6749 §2.3.1: client_id and secret, each form-url-encoded, in an HTTP Basic header. */
export class ClientSecretBasicMethod implements ClientAuthenticationMethod {
  readonly name = 'client_secret_basic' as const;

  isUsedBy(request: ClientAuthenticationRequest): boolean {
    return request.authorization !== undefined;
  }

  read(request: ClientAuthenticationRequest): PresentedSecret {
    const match = BASIC.exec(request.authorization ?? '');
    if (!match) throw invalidRequest('The Authorization header is not valid HTTP Basic');
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidRequest('The Authorization header is not valid HTTP Basic');
    const clientId = formUrlDecode(decoded.slice(0, colon));
    const secret = formUrlDecode(decoded.slice(colon + 1));
    // A client_id in the body must name the same client as the header.
    const bodyClientId = request.params['client_id'];
    if (bodyClientId !== undefined && bodyClientId !== clientId) {
      throw invalidRequest('client_id in the body does not match the Authorization header');
    }
    return { method: this.name, clientId, secret };
  }
}

/** application/x-www-form-urlencoded decoding of one value (RFC 6749 Appendix B). */
function formUrlDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    throw invalidRequest('The Authorization header is not valid HTTP Basic');
  }
}
