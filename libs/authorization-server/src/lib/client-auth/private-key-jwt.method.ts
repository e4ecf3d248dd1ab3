import { decodeJwt } from 'jose';
import { invalidRequest } from '@oauth/oauth-errors';
import type {
  ClientAuthenticationMethod,
  ClientAuthenticationRequest,
  PresentedAssertion,
} from './presented-credentials';

/** RFC 7523 §2.2: the only client_assertion_type this server accepts. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * RFC 7523 §2.2 / OIDC Core §9 private_key_jwt: a JWT signed with a key registered for the client, in
 * client_assertion. Reading only finds out which client it claims to be; ClientAssertionVerifier decides.
 */
export class PrivateKeyJwtMethod implements ClientAuthenticationMethod {
  readonly name = 'private_key_jwt' as const;

  isUsedBy(request: ClientAuthenticationRequest): boolean {
    return request.params['client_assertion'] !== undefined || request.params['client_assertion_type'] !== undefined;
  }

  read(request: ClientAuthenticationRequest): PresentedAssertion {
    const type = request.params['client_assertion_type'];
    const assertion = request.params['client_assertion'];
    // RFC 7521 §4.2.1: a missing parameter or an unsupported assertion type is a malformed request.
    if (type !== JWT_BEARER_ASSERTION_TYPE) throw invalidRequest('client_assertion_type must be jwt-bearer');
    if (assertion === undefined) throw invalidRequest('The parameter client_assertion is missing');
    // RFC 7523 §3: the subject names the client; client_id, when sent, must agree (checked after verification).
    return { method: this.name, clientId: request.params['client_id'] ?? claimedSubject(assertion), assertion };
  }
}

/** The unverified `sub` of the assertion, only to look the client up; '' when there is none to read. */
function claimedSubject(assertion: string): string {
  try {
    const { sub } = decodeJwt(assertion);
    return typeof sub === 'string' ? sub : '';
  } catch {
    return '';
  }
}
