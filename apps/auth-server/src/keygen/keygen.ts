import { hash } from 'bcryptjs';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { generateOpaqueToken } from '@oauth/tokens';

/** bcrypt work factor for generated secrets; the auth server accepts 11 and above. */
const DEFAULT_COST = 12;
const KEY_ALGORITHMS = ['ES256', 'PS256', 'RS256', 'EdDSA'];
const DEFAULT_ALG = 'ES256';

const USAGE = [
  'Usage: npm run keygen -- [--cost N]                   a client secret and its bcrypt hash (N 11..15, default 12)',
  '       npm run keygen -- --private-key-jwt [--alg A]  a key pair for private_key_jwt (A: ES256 default, PS256, RS256, EdDSA)',
].join('\n');

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

function parseCost(args: string[]): number {
  const value = option(args, '--cost');
  if (value === undefined) return DEFAULT_COST;
  const cost = Number(value);
  if (!Number.isInteger(cost) || cost < 11 || cost > 15) throw new Error(USAGE);
  return cost;
}

/** Prints a fresh client secret (256 bits, base64url) and the bcrypt hash to register for it. */
async function secretMode(args: string[]): Promise<string[]> {
  const secret = generateOpaqueToken(32);
  const hashed = await hash(secret, parseCost(args));
  return [
    `client_secret:      ${secret}`,
    `client_secret_hash: ${hashed}`,
    '',
    'Give the secret to the client; register only the hash, e.g. in CLIENTS:',
    `  {"client_id":"my-service","client_secret_hash":"${hashed}","grant_types":["client_credentials"],"scope":"other.read"}`,
  ];
}

/**
 * Prints a key pair for a private_key_jwt client (RFC 7523): the private JWK stays with the client
 * (CLIENT_PRIVATE_KEY of the client API), the public JWKS is what the auth server registers.
 */
async function privateKeyJwtMode(args: string[]): Promise<string[]> {
  const alg = option(args, '--alg') ?? DEFAULT_ALG;
  if (!KEY_ALGORITHMS.includes(alg)) throw new Error(USAGE);
  const { publicKey, privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'PS256' || alg === 'RS256' ? { modulusLength: 2048 } : {}),
  });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, alg, use: 'sig' }] };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
  return [
    'Private JWK: give it to the client only (the client API reads it from CLIENT_PRIVATE_KEY):',
    `  ${JSON.stringify(privateJwk)}`,
    '',
    'Public JWKS: register it for the client, e.g. in CLIENTS or in POST /clients:',
    `  ${JSON.stringify(jwks)}`,
    '',
    'For example, in CLIENTS:',
    `  {"client_id":"my-service","token_endpoint_auth_method":"private_key_jwt","jwks":${JSON.stringify(jwks)},` +
      `"token_endpoint_auth_signing_alg":"${alg}","grant_types":["client_credentials"],"scope":"other.read"}`,
  ];
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const lines = args.includes('--private-key-jwt') ? await privateKeyJwtMode(args) : await secretMode(args);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
