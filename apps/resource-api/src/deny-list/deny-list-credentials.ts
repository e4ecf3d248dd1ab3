import { Inject, Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceApiConfig } from '@oauth/config';
import { RESOURCE_API_CONFIG } from '../app/resource-api-config.token';

/**
 * The secret this resource server reads the deny-list feed with: DENY_LIST_CLIENT_SECRET, or in
 * development the one the auth server generated into <DATA_DIR>/demo-credentials.json, read when
 * first needed (the auth server may start after this API).
 */
@Injectable()
export class DenyListCredentials {
  private demoSecret?: string;

  constructor(@Inject(RESOURCE_API_CONFIG) private readonly config: ResourceApiConfig) {}

  /** Whether this API enforces the deny-list at all. */
  get configured(): boolean {
    return this.config.denyList.clientSecret !== undefined || this.config.environment === 'development';
  }

  async secret(): Promise<string> {
    if (this.config.denyList.clientSecret !== undefined) return this.config.denyList.clientSecret;
    this.demoSecret ??= await this.readDemoSecret();
    return this.demoSecret;
  }

  private async readDemoSecret(): Promise<string> {
    const file = join(this.config.dataDir, 'demo-credentials.json');
    const credentials = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Record<string, unknown>;
    const secret = credentials['deny_list_client_secret'];
    if (typeof secret !== 'string') throw new Error(`no deny-list credentials in ${file} yet`);
    return secret;
  }
}
