import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceApiConfig } from '@oauth/config';

/**
 * The secret this resource server reads the deny-list feed with: DENY_LIST_CLIENT_SECRET, or in
 * development the one the auth server generated into <DATA_DIR>/demo-credentials.json, read when
 * first needed (the auth server may start after this API). Undefined when the list is not enforced.
 */
export function denyListClientSecret(config: ResourceApiConfig): string | (() => Promise<string>) | undefined {
  if (config.denyList.clientSecret !== undefined) return config.denyList.clientSecret;
  if (config.environment !== 'development') return undefined;
  let demoSecret: string | undefined;
  return async () => (demoSecret ??= await readDemoSecret(config.dataDir));
}

async function readDemoSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'demo-credentials.json');
  const credentials = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
  const secret = credentials['deny_list_client_secret'];
  if (typeof secret !== 'string') throw new Error(`no deny-list credentials in ${file} yet`);
  return secret;
}
