import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importJWK, SignJWT, type JWK } from 'jose';
import {
  createTestDatabase,
  freePort,
  startService,
  WORKSPACE_ROOT,
  type ServiceProcess,
  type TestDatabase,
} from '@oauth/testing';
import { postToken } from './support/http';

const run = promisify(execFile);
const KEYGEN = join(WORKSPACE_ROOT, 'dist/apps/auth-server/keygen.js');

async function keygen(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [KEYGEN, ...args]);
  return stdout;
}

/** The JSON that follows `label` on the next line of the keygen output. */
function jsonAfter(output: string, label: string): Record<string, unknown> {
  const lines = output.split('\n');
  const index = lines.findIndex((line) => line.startsWith(label));
  return JSON.parse(lines[index + 1].trim()) as Record<string, unknown>;
}

/** What the keygen command prints works as is: registered at a real auth server, it authenticates a client. */
describe('npm run keygen', () => {
  let database: TestDatabase;
  let authServer: ServiceProcess;
  let secret: string;
  let privateJwk: JWK;

  beforeAll(async () => {
    const secretOutput = await keygen('--cost', '11');
    secret = /^client_secret:\s+(\S+)$/m.exec(secretOutput)?.[1] ?? '';
    const secretClient = JSON.parse(/^\s+(\{"client_id":"my-service".*\})$/m.exec(secretOutput)?.[1] ?? '{}');

    const keyOutput = await keygen('--private-key-jwt', '--alg', 'ES256');
    privateJwk = jsonAfter(keyOutput, 'Private JWK') as JWK;
    const keyedClient = JSON.parse(
      /^\s+(\{"client_id":"my-service","token_endpoint_auth_method".*\})$/m.exec(keyOutput)?.[1] ?? '{}',
    );

    database = await createTestDatabase('system_keygen');
    const port = await freePort();
    authServer = await startService('auth-server', port, {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      AUTH_SERVER_PORT: String(port),
      ISSUER: `http://127.0.0.1:${port}`,
      KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64url'),
      CLIENTS: JSON.stringify([secretClient, { ...keyedClient, client_id: 'my-keyed-service' }]),
    });
  });

  afterAll(async () => {
    await authServer?.stop();
    await database?.drop();
  });

  it('prints a secret whose printed bcrypt hash the auth server accepts (client_secret_basic)', async () => {
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const answer = await postToken(`${authServer.url}/token`, 'my-service', secret, {
      grant_type: 'client_credentials',
      scope: 'other.read',
    });
    expect(answer.status).toBe(200);
    expect(answer.body['scope']).toBe('other.read');
  });

  it('prints a key pair whose public JWKS the auth server accepts for private_key_jwt (RFC 7523 §2.2)', async () => {
    expect(privateJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(privateJwk.kid).toEqual(expect.any(String));
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid })
      .setIssuer('my-keyed-service')
      .setSubject('my-keyed-service')
      // draft-ietf-oauth-rfc7523bis §4: the audience is the issuer identifier (ADR 0008).
      .setAudience(authServer.url)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(await importJWK(privateJwk, 'ES256'));
    const response = await fetch(`${authServer.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: 'other.read',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }).toString(),
    });
    expect(response.status).toBe(200);
  });

  it('refuses a work factor below 11 with its usage line', async () => {
    await expect(keygen('--cost', '4')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('Usage:') });
  });
});
