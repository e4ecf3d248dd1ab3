import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from 'bcryptjs';
import type { JSONWebKeySet } from 'jose';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadAuthServerConfig, type AuthServerConfig } from '@oauth/config';
import { createTestDatabase, type TestDatabase } from '@oauth/testing';
import { createApp } from '../../src/lib/bootstrap/create-app';

/** A client to declare in the CLIENTS setting, with its plain secret for the test to use. */
export interface TestClient {
  clientId: string;
  secret: string;
  /** Default client_secret_basic. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  grantTypes: string[];
  scope: string;
  redirectUris?: string[];
  /** bcrypt cost of the declared hash; default 11 (the least CLIENTS accepts), for fast tests. */
  bcryptCost?: number;
}

/** A private_key_jwt client to declare, with its public keys inline or at a URI. */
export interface TestKeyClient {
  clientId: string;
  tokenEndpointAuthMethod: 'private_key_jwt';
  jwks?: JSONWebKeySet;
  jwksUri?: string;
  signingAlg?: string;
  grantTypes: string[];
  scope: string;
  redirectUris?: string[];
}

export interface RunningAuthServer {
  url: string;
  config: AuthServerConfig;
  dataSource: DataSource;
  app: NestFastifyApplication;
  /** Stops the app; the database survives until `drop`. */
  stop(): Promise<void>;
  /** Stops the app and drops the database and data folder. */
  close(): Promise<void>;
}

export const KEY_ENCRYPTION_KEY = randomBytes(32).toString('base64url');

/** Boots the real app on an ephemeral loopback port against a fresh database. */
export async function startAuthServer(
  clients: (TestClient | TestKeyClient)[],
  env: Record<string, string> = {},
  database?: TestDatabase,
): Promise<RunningAuthServer> {
  const db = database ?? (await createTestDatabase('auth_server'));
  const dataDir = await mkdtemp(join(tmpdir(), 'auth-server-'));
  const declared = await Promise.all(
    clients.map(async (client) => ({
      client_id: client.clientId,
      ...('secret' in client
        ? {
            client_secret_hash: await hash(client.secret, client.bcryptCost ?? 11),
            token_endpoint_auth_method: client.tokenEndpointAuthMethod,
          }
        : {
            token_endpoint_auth_method: client.tokenEndpointAuthMethod,
            jwks: client.jwks,
            jwks_uri: client.jwksUri,
            token_endpoint_auth_signing_alg: client.signingAlg,
          }),
      grant_types: client.grantTypes,
      scope: client.scope,
      ...(client.redirectUris ? { redirect_uris: client.redirectUris } : {}),
    })),
  );
  const config = loadAuthServerConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    KEY_ENCRYPTION_KEY,
    CLIENTS: JSON.stringify(declared),
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const stop = () => app.close();
  return {
    url: `http://127.0.0.1:${address.port}`,
    config,
    dataSource: app.get(DataSource),
    app,
    stop,
    async close() {
      await stop();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** RFC 6749 §2.3.1: Basic credentials, each part form-url-encoded first. */
export function basic(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** POSTs a form to the token endpoint and returns status, headers and parsed body. */
export async function postForm(
  url: string,
  form: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: typeof form === 'string' ? form : new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}
