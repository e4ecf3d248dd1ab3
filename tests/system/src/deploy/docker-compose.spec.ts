import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSync } from 'bcryptjs';
import { parse } from 'yaml';

/** This machine has no Docker engine: the compose file is checked as data instead of being run. */
const ROOT = join(__dirname, '..', '..', '..', '..');

interface ComposeService {
  profiles?: string[];
  image?: string;
  build?: { context: string; args?: Record<string, string> };
  env_file?: string | string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yaml'), 'utf8')) as {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
};
const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8');
const nginxConfig = readFileSync(join(ROOT, 'deploy', 'nginx', 'auth-server.conf'), 'utf8');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

/** `NAME=value` lines of .env.example that are set (not commented out), with single quotes removed. */
const exampleValues = Object.fromEntries(
  [...envExample.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, name, value]) => [
    name,
    value.replace(/^'(.*)'$/, '$1'),
  ]),
);
const documented = new Set([...envExample.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));

const APPS = { 'auth-server': '5001', 'resource-api': '5003', 'client-api': '5002' } as const;

/** Compose interpolation of `${NAME:-default}` (and `${NAME}`), with `env` as the shell environment. */
function interpolate(value: string, env: Record<string, string> = {}): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g,
    (_, name: string, fallback?: string) => env[name] || fallback || '',
  );
}

/** The services `docker compose [--profile …] up` starts. */
function servicesUnder(profiles: string[]): string[] {
  return Object.entries(compose.services)
    .filter(([, service]) => !service.profiles || service.profiles.some((profile) => profiles.includes(profile)))
    .map(([name]) => name)
    .sort();
}

/** Host ports the given services publish. */
function hostPorts(names: string[], env: Record<string, string> = {}): string[] {
  return names.flatMap((name) =>
    (compose.services[name].ports ?? []).map((port) => interpolate(port, env).split(':')[0]),
  );
}

describe('docker-compose.yaml', () => {
  it('runs Postgres and the three services', () => {
    expect(servicesUnder([])).toEqual(['auth-server', 'client-api', 'postgres', 'resource-api']);
  });

  it('keeps Postgres data in a named volume and checks its health', () => {
    const postgres = compose.services['postgres'];
    const [volume] = (postgres.volumes ?? [])[0].split(':');
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
    expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
  });

  it.each(Object.entries(APPS))('builds %s from the Dockerfile and publishes port %s', (name, port) => {
    const service = compose.services[name];
    expect(service.build).toEqual({ context: '.', args: { APP: name } });
    expect(service.ports?.map((mapping) => interpolate(mapping))).toEqual([`${port}:${port}`]);
    expect(service.env_file).toBe('.env');
    expect(service.healthcheck?.test.join(' ')).toContain(`127.0.0.1:${port}/health/live`);
  });

  it('starts services in dependency order, on health', () => {
    const dependsOn = (name: string) => compose.services[name].depends_on ?? {};
    expect(dependsOn('auth-server')).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(dependsOn('resource-api')).toEqual({
      postgres: { condition: 'service_healthy' },
      'auth-server': { condition: 'service_healthy' },
    });
    expect(dependsOn('client-api')).toEqual({
      'auth-server': { condition: 'service_healthy' },
      'resource-api': { condition: 'service_healthy' },
    });
  });

  it('sets only variables that .env.example documents', () => {
    const names = [...Object.keys(APPS), 'auth-server-2'].flatMap((name) =>
      Object.keys(compose.services[name].environment ?? {}),
    );
    expect(names.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('ships development defaults in .env.example that work together: the demo secret matches the declared hash', () => {
    const [client] = JSON.parse(exampleValues['CLIENTS']) as { client_id: string; client_secret_hash: string }[];
    expect(client.client_id).toBe('client');
    expect(compareSync(exampleValues['CLIENT_SECRET'], client.client_secret_hash)).toBe(true);
    expect(exampleValues['KEY_ENCRYPTION_KEY']).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('docker-compose.yaml, profile `scale`', () => {
  const first = compose.services['auth-server'];
  const second = compose.services['auth-server-2'];
  const balancer = compose.services['load-balancer'];

  it('adds a second auth-server instance and a load balancer, and nothing else', () => {
    expect(servicesUnder(['scale'])).toEqual([...servicesUnder([]), 'auth-server-2', 'load-balancer'].sort());
  });

  it('runs the second instance exactly like the first: same image, .env, database, issuer, health check', () => {
    expect(second.build).toEqual(first.build);
    expect(second.env_file).toBe('.env');
    // One issuer for both (RFC 8414 §2), the balancer's public URL; one database, so one key set and one registry.
    expect(second.environment).toEqual(first.environment);
    expect(second.environment?.['ISSUER']).toBe('http://localhost:5001');
    expect(second.healthcheck).toEqual(first.healthcheck);
    expect(second.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    // Not published: it is reached through the balancer only.
    expect(second.ports).toBeUndefined();
  });

  it("puts the official nginx image on the issuer's port 5001, with the committed config, once both instances are healthy", () => {
    expect(balancer.image).toMatch(/^nginx:\d+\.\d+$/);
    expect(balancer.volumes).toEqual(['./deploy/nginx/auth-server.conf:/etc/nginx/conf.d/default.conf:ro']);
    expect(balancer.ports).toEqual(['5001:5001']);
    expect(balancer.depends_on).toEqual({
      'auth-server': { condition: 'service_healthy' },
      'auth-server-2': { condition: 'service_healthy' },
    });
    expect(balancer.healthcheck?.test.join(' ')).toContain('127.0.0.1:5001/health/live');
    // It reads no .env: nothing in there is its business.
    expect(balancer.env_file).toBeUndefined();
  });

  it('publishes every host port once when AUTH_SERVER_HOST_PORT moves the first instance aside', () => {
    const ports = hostPorts(servicesUnder(['scale']), { AUTH_SERVER_HOST_PORT: '5011' });
    expect(ports.sort()).toEqual(['5001', '5002', '5003', '5011']);
    // Without it, the first instance keeps 5001 as in plain `docker compose up`.
    expect(hostPorts(['auth-server'])).toEqual(['5001']);
  });
});

describe('deploy/nginx/auth-server.conf', () => {
  it('balances over both instances on their container port and proxies every path to them, listening on 5001', () => {
    const upstream = /upstream (\w+) \{([^}]*)\}/.exec(nginxConfig);
    expect(upstream).not.toBeNull();
    const [, name, body] = upstream as RegExpExecArray;
    expect([...body.matchAll(/^\s*server (\S+);/gm)].map((match) => match[1])).toEqual([
      'auth-server:5001',
      'auth-server-2:5001',
    ]);
    expect(nginxConfig).toMatch(/^\s*listen 5001;$/m);
    expect(nginxConfig).toMatch(new RegExp(`location / \\{[^}]*proxy_pass http://${name};`));
  });
});

describe('Dockerfile', () => {
  it('builds in one stage and runs the built app alone, as a non-root user, listening on all interfaces', () => {
    expect(dockerfile).toMatch(/^FROM \S+ AS build$/m);
    expect(dockerfile).toMatch(/^FROM \S+ AS runtime$/m);
    expect(dockerfile).toMatch(/--omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
  });
});
