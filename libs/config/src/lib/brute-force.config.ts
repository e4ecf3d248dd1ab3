import { isIP } from 'node:net';
import { z } from 'zod';
import { wholeNumber } from './env-values';

/** proxy-addr's names for address ranges, which Fastify's trustProxy accepts besides addresses and CIDRs. */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** Comma-separated addresses, CIDR ranges or range names; empty: no proxy is trusted. */
const trustedProxies = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine(
    (entries) => entries.every(isAddressOrRange),
    'expected comma-separated IP addresses, CIDR ranges, loopback, linklocal or uniquelocal',
  );

/**
 * Settings of the failed-authentication limits (docs/adr/0013-failed-authentication-limits.md), spread into the auth
 * server's schema. Defaults follow Keycloak's brute-force detection (30 failures, waits up to 15 minutes) and NIST SP
 * 800-63B §5.2.2 (at most 100 consecutive failures on one account).
 */
export const bruteForceVariables = {
  TRUSTED_PROXIES: trustedProxies,
  BRUTE_FORCE_WINDOW: wholeNumber(900, 1, 86_400),
  BRUTE_FORCE_BLOCK: wholeNumber(900, 1, 86_400),
  BRUTE_FORCE_MAX_PER_CLIENT: wholeNumber(30, 1, 1_000_000),
  BRUTE_FORCE_MAX_PER_ADDRESS: wholeNumber(100, 1, 1_000_000),
  BRUTE_FORCE_MAX_PER_USERNAME_ADDRESS: wholeNumber(5, 1, 1_000_000),
  BRUTE_FORCE_MAX_PER_USERNAME: wholeNumber(100, 1, 1_000_000),
};

type BruteForceValues = { [K in keyof typeof bruteForceVariables]: z.output<(typeof bruteForceVariables)[K]> };

/** The limits as the auth server reads them. */
export function bruteForceConfig(values: BruteForceValues) {
  return {
    windowSeconds: values.BRUTE_FORCE_WINDOW,
    blockSeconds: values.BRUTE_FORCE_BLOCK,
    maxFailures: {
      perClient: values.BRUTE_FORCE_MAX_PER_CLIENT,
      perAddress: values.BRUTE_FORCE_MAX_PER_ADDRESS,
      perUsernameAndAddress: values.BRUTE_FORCE_MAX_PER_USERNAME_ADDRESS,
      perUsername: values.BRUTE_FORCE_MAX_PER_USERNAME,
    },
  };
}
