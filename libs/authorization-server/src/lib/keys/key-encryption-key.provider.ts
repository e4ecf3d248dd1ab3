import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuthServerConfig } from '@oauth/config';

export const KEY_ENCRYPTION_KEY = Symbol('KEY_ENCRYPTION_KEY');

/**
 * The key that encrypts signing keys at rest: `KEY_ENCRYPTION_KEY` when set (required in
 * production), otherwise a development key generated once under the git-ignored data folder.
 */
export async function resolveKeyEncryptionKey(config: AuthServerConfig): Promise<Uint8Array> {
  if (config.keyEncryptionKey) return Buffer.from(config.keyEncryptionKey, 'base64url');
  const file = join(config.dataDir, 'auth-server', 'key-encryption-key');
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    new Logger('KeyEncryptionKey').warn(`KEY_ENCRYPTION_KEY is not set: generated a development key in ${file}`);
  } catch (error) {
    // Another process sharing the data folder wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const written = await readKeyFile(file);
  if (!written) throw new Error(`Could not read the development key-encryption key in ${file}`);
  return written;
}

async function readKeyFile(file: string): Promise<Uint8Array | undefined> {
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
