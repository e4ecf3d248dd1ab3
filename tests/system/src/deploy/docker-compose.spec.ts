import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareSync } from 'bcryptjs';
import { parse } from 'yaml';

/** This machine has no Docker engine: the compose file is checked as data instead of being run. */
const ROOT = join(__dirname, '..', '..', '..', '..');

interface ComposeService {
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

describe('docker-compose.yaml', () => {
  it('runs Postgres and the three services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['auth-server', 'client-api', 'postgres', 'resource-api']);
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
    expect(service.ports).toEqual([`${port}:${port}`]);
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
    const names = Object.entries(APPS).flatMap(([name]) => Object.keys(compose.services[name].environment ?? {}));
    expect(names.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('ships development defaults in .env.example that work together: the demo secret matches the declared hash', () => {
    const [client] = JSON.parse(exampleValues['CLIENTS']) as { client_id: string; client_secret_hash: string }[];
    expect(client.client_id).toBe('client');
    expect(compareSync(exampleValues['CLIENT_SECRET'], client.client_secret_hash)).toBe(true);
    expect(exampleValues['KEY_ENCRYPTION_KEY']).toMatch(/^[A-Za-z0-9_-]{43}$/);
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
