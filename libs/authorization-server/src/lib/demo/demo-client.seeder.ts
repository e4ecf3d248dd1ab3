import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { hash } from 'bcryptjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuthServerConfig } from '@oauth/config';
import { generateOpaqueToken } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { ClientRepository } from '../clients/client.repository';
import { SecretVerifier } from '../client-auth/secret-verifier';
import { UserRepository } from '../users/user.repository';

export const DEMO_CLIENT_ID = 'client';
export const DEMO_USERNAME = 'demo';
/** The resource API reads the deny-list feed as the client named after its audience (ADR 0006). */
const DENY_LIST_CLIENT_ID = 'other';
const DEMO_SCOPES = 'other.read other.write other.user other.admin server.user server.admin';
const DEMO_GRANTS = ['client_credentials', 'refresh_token', 'authorization_code'];
const BCRYPT_COST = 12;

interface DemoCredentials {
  client_id: string;
  client_secret: string;
  username: string;
  password: string;
  deny_list_client_id: string;
  deny_list_client_secret: string;
}

/**
 * Development only: makes the demo client and the demo user work with no manual step. Their secrets are
 * generated on first start, kept in the git-ignored data folder and printed once; later starts re-register
 * them (and complete a file written before the demo user existed).
 */
@Injectable()
export class DemoClientSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoClientSeeder.name);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly clients: ClientRepository,
    private readonly users: UserRepository,
    private readonly secrets: SecretVerifier,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.environment !== 'development') return;
    const file = join(this.config.dataDir, 'demo-credentials.json');
    const existing = await readCredentials(file);
    const credentials: DemoCredentials = {
      client_id: existing?.client_id ?? DEMO_CLIENT_ID,
      client_secret: existing?.client_secret ?? generateOpaqueToken(),
      username: existing?.username ?? DEMO_USERNAME,
      password: existing?.password ?? generateOpaqueToken(),
      deny_list_client_id: existing?.deny_list_client_id ?? DENY_LIST_CLIENT_ID,
      deny_list_client_secret: existing?.deny_list_client_secret ?? generateOpaqueToken(),
    };
    if (!this.isDeclared(credentials.client_id)) await this.registerClient(credentials);
    if (!this.isDeclared(credentials.deny_list_client_id)) await this.registerDenyListClient(credentials);
    await this.registerUser(credentials);
    if (Object.keys(credentials).every((field) => existing?.[field as keyof DemoCredentials] !== undefined)) return;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
    // Printed once, on purpose: these are development demo secrets, never real ones. In the message rather than
    // as fields, which redaction would hide; at warn, so LOG_LEVEL=warn still shows them.
    this.logger.warn(`Development demo client and user created (saved in ${file}): ${JSON.stringify(credentials)}`);
  }

  /** A client declared in CLIENTS is the operator's; a generated demo client never replaces it. */
  private isDeclared(clientId: string): boolean {
    return this.config.declaredClients.some((client) => client.clientId === clientId);
  }

  /** Re-registered on every start, so grants and the redirect URI follow the code. */
  private async registerClient(credentials: DemoCredentials): Promise<void> {
    await this.clients.save({
      clientId: credentials.client_id,
      clientName: 'Demo client',
      secretHash: await this.hashFor(credentials.client_id, credentials.client_secret),
      grantTypes: DEMO_GRANTS,
      scope: DEMO_SCOPES,
      redirectUris: [`${this.config.demo.clientApiUrl}/oauth/callback`],
    });
  }

  /** The resource API's own client, so it can pull the deny-list feed in development too. */
  private async registerDenyListClient(credentials: DemoCredentials): Promise<void> {
    await this.clients.save({
      clientId: credentials.deny_list_client_id,
      clientName: 'Resource API (deny-list feed)',
      secretHash: await this.hashFor(credentials.deny_list_client_id, credentials.deny_list_client_secret),
      grantTypes: ['client_credentials'],
      scope: 'server.deny-list',
    });
  }

  /** The registered hash when it still matches the secret (bcrypt runs only for a new secret). */
  private async hashFor(clientId: string, secret: string): Promise<string> {
    const registered = await this.clients.findById(clientId);
    if (registered?.secretHash && (await this.secrets.verify(secret, registered.secretHash))) {
      return registered.secretHash;
    }
    return hash(secret, BCRYPT_COST);
  }

  private async registerUser(credentials: DemoCredentials): Promise<void> {
    const user = await this.users.findByUsername(credentials.username);
    if (user && (await this.secrets.verify(credentials.password, user.passwordHash))) return;
    await this.users.savePassword(credentials.username, await hash(credentials.password, BCRYPT_COST));
  }
}

async function readCredentials(file: string): Promise<Partial<DemoCredentials> | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Partial<DemoCredentials>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
