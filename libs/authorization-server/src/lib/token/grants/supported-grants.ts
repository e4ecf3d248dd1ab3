import type { DeclaredClient } from '@oauth/config';
import type { Grant } from './grant';

/** RFC 3986 §3.1: an absolute URI starts with a scheme. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;

/**
 * The grants the token endpoint dispatches to: the built-in ones and the extension ones. Checked at boot, so a
 * mistake stops the server instead of surfacing at the first token request.
 */
export function supportedGrants(
  builtIn: readonly Grant[],
  extensions: readonly Grant[],
  declaredClients: readonly DeclaredClient[],
): Grant[] {
  const byType = new Map(builtIn.map((grant) => [grant.grantType, grant]));
  for (const grant of extensions) {
    const name = `The extension grant ${grant.constructor.name}`;
    const taken = byType.get(grant.grantType);
    if (taken) {
      throw new Error(`${name} has the grant type ${grant.grantType}, which ${taken.constructor.name} handles already`);
    }
    // RFC 6749 §4.5: an extension grant type is an absolute URI, so it cannot be mistaken for a standard one.
    if (typeof grant.grantType !== 'string' || !ABSOLUTE_URI.test(grant.grantType)) {
      throw new Error(`${name} must have an absolute URI as its grantType (RFC 6749 §4.5)`);
    }
    byType.set(grant.grantType, grant);
  }
  for (const client of declaredClients) {
    const unknown = client.grantTypes.filter((grantType) => !byType.has(grantType));
    if (unknown.length > 0) {
      throw new Error(`CLIENTS: client ${JSON.stringify(client.clientId)} names unsupported grant types: ${unknown}`);
    }
  }
  return [...byType.values()];
}
