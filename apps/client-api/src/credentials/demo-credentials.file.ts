import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { upstreamError } from '../upstream/upstream.error';
import type { ClientCredentials } from './client-credentials';

const demoCredentialsSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

export const demoCredentialsPath = (dataDir: string) => join(dataDir, 'demo-credentials.json');

/** Reads the demo client's credentials, written by the auth server on its first start in development. */
export async function readDemoCredentials(dataDir: string): Promise<ClientCredentials> {
  const path = demoCredentialsPath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw upstreamError(`No demo credentials at ${path} yet: start the auth server first, or set CLIENT_SECRET`);
  }
  let parsed: z.infer<typeof demoCredentialsSchema>;
  try {
    parsed = demoCredentialsSchema.parse(JSON.parse(text));
  } catch {
    throw upstreamError(`The demo credentials at ${path} are unreadable`);
  }
  return { clientId: parsed.client_id, clientSecret: parsed.client_secret };
}
