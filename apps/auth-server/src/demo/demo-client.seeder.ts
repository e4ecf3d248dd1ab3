import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { hash } from 'bcryptjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuthServerConfig } from '@oauth/config';
import { generateOpaqueToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientRepository } from '../clients/client.repository';
import { SecretVerifier } from '../client-auth/secret-verifier';

export const DEMO_CLIENT_ID = 'client';
const DEMO_SCOPES = 'other.read other.write other.user other.admin server.user server.admin';
const DEMO_GRANTS = ['client_credentials', 'refresh_token'];
const BCRYPT_COST = 12;

interface DemoCredentials {
  client_id: string;
  client_secret: string;
}

/**
 * Development only: makes the demo client work with no manual step. The secret is generated on
 * first start, kept in the git-ignored data folder and printed once; later starts re-register it.
 */
@Injectable()
export class DemoClientSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoClientSeeder.name);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clients: ClientRepository,
    private readonly secrets: SecretVerifier,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.environment !== 'development') return;
    // A client declared in CLIENTS is the operator's; the generated demo client never replaces it.
    if (this.config.declaredClients.some((client) => client.clientId === DEMO_CLIENT_ID)) return;
    const file = join(this.config.dataDir, 'demo-credentials.json');
    const existing = await readCredentials(file);
    const credentials = existing ?? { client_id: DEMO_CLIENT_ID, client_secret: generateOpaqueToken() };
    const registered = await this.clients.findById(credentials.client_id);
    const stillValid =
      registered?.secretHash && (await this.secrets.verify(credentials.client_secret, registered.secretHash));
    if (!stillValid) {
      await this.clients.save({
        clientId: credentials.client_id,
        secretHash: await hash(credentials.client_secret, BCRYPT_COST),
        grantTypes: DEMO_GRANTS,
        scope: DEMO_SCOPES,
      });
    }
    if (existing) return;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    // Printed once, on purpose: this is the development demo secret, never a real one.
    process.stdout.write(
      `\nDevelopment demo client created (saved in ${file}):\n${JSON.stringify(credentials, null, 2)}\n\n`,
    );
    this.logger.log(`Demo credentials written to ${file}`);
  }
}

async function readCredentials(file: string): Promise<DemoCredentials | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as DemoCredentials;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
