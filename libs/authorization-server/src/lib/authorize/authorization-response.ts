import type { VerifiedRedirect } from './authorization-request';

/**
 * The redirect URI with response parameters added to its query (RFC 6749 §4.1.2), keeping any query it
 * already has, plus `iss` (RFC 9207 §2) so the client can tell which server answered.
 */
export function authorizationResponseUrl(
  target: VerifiedRedirect,
  issuer: string,
  parameters: Record<string, string>,
): string {
  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries(parameters)) url.searchParams.append(name, value);
  if (target.state !== undefined) url.searchParams.append('state', target.state);
  url.searchParams.append('iss', issuer);
  return url.toString();
}
