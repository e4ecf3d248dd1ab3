import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** Longest identifier kept readable in a key; longer ones (never a registered client_id) are hashed. */
const MAX_READABLE = 128;

const readable = (value: string) =>
  value.length <= MAX_READABLE ? value : `sha256:${createHash('sha256').update(value).digest('base64url')}`;

/** Failures of one client_id, whoever presents it. */
export const clientKey = (clientId: string) => `client:${readable(clientId)}`;

/** Failures from one source address, of any client or username. */
export const addressKey = (address: string) => `address:${addressBucket(address)}`;

/** Failed logins for one username, from anywhere. */
export const usernameKey = (username: string) => `username:${readable(username)}`;

/** Failed logins for one username from one source address. */
export const usernameAddressKey = (username: string, address: string) =>
  `username-address:${addressBucket(address)} ${readable(username)}`;

/**
 * What one source owns: an IPv4 address, or an IPv6 /64 (one customer's network, RFC 6177: limiting single IPv6
 * addresses does nothing against a host that picks a new one from its /64 for every request).
 */
export function addressBucket(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return mapped[1];
  if (isIPv4(plain) || !isIPv6(plain)) return readable(plain);
  return `${expandIPv6(plain).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap(groupsOf) : []);
  const front = groups(head);
  const back = groups(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back].map((group) => parseInt(group, 16).toString(16));
}

/** A group, or the two groups of an embedded IPv4 address (e.g. 64:ff9b::192.0.2.1). */
function groupsOf(part: string): string[] {
  if (!part.includes('.')) return [part];
  const [a, b, c, d] = part.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
