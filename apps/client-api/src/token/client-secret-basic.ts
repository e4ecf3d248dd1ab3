import type { ClientCredentials } from '../credentials/client-credentials';

/** application/x-www-form-urlencoded, as URLSearchParams writes it (space as `+`, every reserved character escaped). */
const formUrlEncode = (value: string) => new URLSearchParams({ value }).toString().slice('value='.length);

/**
 * RFC 6749 §2.3.1: the client_id and secret are form-url-encoded before they become the Basic
 * user-id and password, so a `:` or `+` in either survives the trip.
 */
export function clientSecretBasic({ clientId, clientSecret }: ClientCredentials): string {
  const userPass = `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`;
  return `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
}
