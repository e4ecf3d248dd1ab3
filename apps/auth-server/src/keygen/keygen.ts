import { hash } from 'bcryptjs';
import { generateOpaqueToken } from '@oauth/tokens';

/** bcrypt work factor for generated secrets; the auth server accepts 11 and above. */
const DEFAULT_COST = 12;

const USAGE = 'Usage: npm run keygen -- [--cost N]   (N from 11 to 15, default 12)';

function parseCost(args: string[]): number {
  const index = args.indexOf('--cost');
  if (index === -1) return DEFAULT_COST;
  const cost = Number(args[index + 1]);
  if (!Number.isInteger(cost) || cost < 11 || cost > 15) throw new Error(USAGE);
  return cost;
}

/** Prints a fresh client secret (256 bits, base64url) and the bcrypt hash to register for it. */
async function main(args: string[]): Promise<void> {
  if (args.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const cost = parseCost(args);
  const secret = generateOpaqueToken(32);
  const secretHash = await hash(secret, cost);
  process.stdout.write(
    [
      `client_secret:      ${secret}`,
      `client_secret_hash: ${secretHash}`,
      '',
      'Give the secret to the client; register only the hash, e.g. in CLIENTS:',
      `  {"client_id":"my-service","client_secret_hash":"${secretHash}","grant_types":["client_credentials"],"scope":"other.read"}`,
      '',
    ].join('\n'),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
