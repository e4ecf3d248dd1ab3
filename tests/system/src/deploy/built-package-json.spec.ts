import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Dockerfile's runtime stage runs `npm install --omit=dev` on the package.json Nx generates for each built app,
 * without the root one. An override of the root package.json must therefore survive into it, or npm refuses the
 * install (ERESOLVE: @nestjs/swagger declares @fastify/static ^8 || ^9 as a peer, and the apps use 10). Nx drops an
 * override whose key is a dependency's bare name, hence the `name@range` key in the root package.json.
 */
const ROOT = join(__dirname, '..', '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as PackageJson;

interface PackageJson {
  dependencies?: Record<string, string>;
  overrides?: Record<string, unknown>;
}

/** `@nestjs/swagger@^11.4.0` → `@nestjs/swagger`. */
const packageNameOf = (overrideKey: string) => overrideKey.replace(/^(@?[^@]+)@.*$/, '$1');

describe('the package.json each app is built with', () => {
  const rootOverrides = Object.entries(readJson(join(ROOT, 'package.json')).overrides ?? {});

  it.each(['auth-server', 'resource-api', 'client-api'])(
    '%s keeps the root overrides that concern its dependencies',
    (app) => {
      const built = readJson(join(ROOT, 'dist', 'apps', app, 'package.json'));
      const concerned = rootOverrides.filter(([key]) => built.dependencies?.[packageNameOf(key)] !== undefined);
      expect(concerned.length).toBeGreaterThan(0);
      for (const [key, value] of concerned) expect({ [key]: built.overrides?.[key] }).toEqual({ [key]: value });
    },
  );
});
