import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { createTestDatabase, type TestDatabase, freePort, type ServiceProcess, WORKSPACE_ROOT } from '@oauth/testing';
import { startAuthServerPair } from '../support/auth-server-pair';
import { getJson, postToken } from '../support/http';
import { startNginx, type NginxProcess } from '../support/nginx';

const CLIENT_ID = 'client';
const CLIENT_SECRET = randomBytes(32).toString('base64url');

/**
 * The committed config of the `scale` profile, with the Compose service names and the container port replaced by
 * this machine's loopback addresses. Fails if a line it replaces has changed, so the test never runs a config of its
 * own.
 */
function siteConfigFor(firstHost: string, secondHost: string, balancerPort: number): string {
  const committed = readFileSync(join(WORKSPACE_ROOT, 'deploy', 'nginx', 'auth-server.conf'), 'utf8');
  const replacements: [RegExp, string][] = [
    [/^(\s*)server auth-server:5001;$/m, `$1server ${firstHost};`],
    [/^(\s*)server auth-server-2:5001;$/m, `$1server ${secondHost};`],
    [/^(\s*)listen 5001;$/m, `$1listen 127.0.0.1:${balancerPort};`],
  ];
  return replacements.reduce((config, [line, replacement]) => {
    if (!line.test(config)) throw new Error(`deploy/nginx/auth-server.conf has no line ${line}`);
    return config.replace(line, replacement);
  }, committed);
}

/** The `scale` profile of docker-compose.yaml as processes: real nginx, its committed config, two auth servers. */
describe('two auth-server instances behind nginx (docker compose --profile scale)', () => {
  let database: TestDatabase;
  let first: ServiceProcess;
  let second: ServiceProcess;
  let nginx: NginxProcess;
  let issuer: string;
  let instances: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase('system_balanced');
    const balancerPort = await freePort();
    // The balancer's public URL is the issuer of both instances.
    issuer = `http://127.0.0.1:${balancerPort}`;
    [first, second] = await startAuthServerPair(database.url, issuer, [
      {
        clientId: CLIENT_ID,
        secret: CLIENT_SECRET,
        grantTypes: ['client_credentials', 'refresh_token'],
        scope: 'other.read other.write',
      },
    ]);
    const [firstHost, secondHost] = [new URL(first.url).host, new URL(second.url).host];
    instances = { [firstHost]: 'first', [secondHost]: 'second' };
    nginx = await startNginx(siteConfigFor(firstHost, secondHost, balancerPort), balancerPort);
  });

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all([first?.stop(), second?.stop()]);
    await database?.drop();
  });

  /**
   * Which instance answered each request to `path` (the last one tried, after any retry), oldest first. nginx logs a
   * request only after sending its answer, so this waits until `count` of them are logged.
   */
  async function answeredBy(path: string, count: number): Promise<string[]> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const logged = (await nginx.requests()).filter((request) => request.path === path);
      if (logged.length >= count || Date.now() > deadline) {
        return logged.map((request) => instances[request.upstreams.at(-1) ?? '']);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('publishes the metadata of one issuer, the balancer (RFC 8414 §3.3), from both instances', async () => {
    const answers = [
      await getJson(`${issuer}/.well-known/oauth-authorization-server`),
      await getJson(`${issuer}/.well-known/oauth-authorization-server`),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        issuer,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
      });
    }
    expect((await answeredBy('/.well-known/oauth-authorization-server', 2)).sort()).toEqual(['first', 'second']);
  });

  it('issues tokens at both instances that verify against the JWKS fetched through the balancer', async () => {
    const tokens: string[] = [];
    for (let request = 0; request < 4; request += 1) {
      const answer = await postToken(`${issuer}/token`, CLIENT_ID, CLIENT_SECRET, {
        grant_type: 'client_credentials',
        scope: 'other.read',
      });
      expect(answer.status).toBe(200);
      tokens.push(answer.body['access_token'] as string);
    }
    const jwks = await getJson(`${issuer}/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    const keys = createLocalJWKSet(jwks.body as unknown as JSONWebKeySet);

    for (const token of tokens) {
      // RFC 9068 §4: the issuer and the type an access token must carry.
      const { payload } = await jwtVerify(token, keys, { issuer, audience: 'other', typ: 'at+jwt' });
      expect(payload['client_id']).toBe(CLIENT_ID);
    }
    // Round robin: two each, whichever came first.
    expect((await answeredBy('/token', 4)).sort()).toEqual(['first', 'first', 'second', 'second']);
  });

  it('rotates a refresh token at one instance that the other issued', async () => {
    const issued = await postToken(`${issuer}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'client_credentials',
      scope: 'other.write',
    });
    const rotated = await postToken(`${issuer}/token`, CLIENT_ID, CLIENT_SECRET, {
      grant_type: 'refresh_token',
      refresh_token: issued.body['refresh_token'] as string,
    });

    expect(rotated.status).toBe(200);
    const [issuedBy, rotatedBy] = (await answeredBy('/token', 6)).slice(-2);
    expect(issuedBy).not.toBe(rotatedBy);
  });

  it('keeps answering while one instance shuts down: it exits 0 and the other serves what follows', async () => {
    second.signal('SIGTERM');
    expect(await second.exited()).toBe(0);

    for (let request = 0; request < 2; request += 1) {
      const answer = await postToken(`${issuer}/token`, CLIENT_ID, CLIENT_SECRET, {
        grant_type: 'client_credentials',
        scope: 'other.read',
      });
      expect(answer.status).toBe(200);
    }
    expect((await answeredBy('/token', 8)).slice(-2)).toEqual(['first', 'first']);
  });
});
