/** application/x-www-form-urlencoded, as URLSearchParams writes it (space as `+`, every reserved character escaped). */
const formUrlEncode = (value: string) => new URLSearchParams({ value }).toString().slice('value='.length);

/**
 * The `Authorization` header value of HTTP Basic client authentication: `Basic base64(id:secret)`.
 * RFC 6749 §2.3.1: the client identifier and secret are form-url-encoded before they become the Basic
 * user-id and password (RFC 7617), so a `:` or `+` in either survives the trip.
 */
export function encodeBasicCredentials(clientId: string, clientSecret: string): string {
  const userPass = `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`;
  return `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
}
