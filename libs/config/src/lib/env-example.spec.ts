import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTH_SERVER_VARIABLES } from './auth-server.config';
import { CLIENT_API_VARIABLES } from './client-api.config';
import { RESOURCE_API_VARIABLES } from './resource-api.config';

/** Variables read outside the apps' config (test tooling). */
const TEST_VARIABLES = ['TEST_DATABASE_URL'];

describe('.env.example', () => {
  const text = readFileSync(join(__dirname, '..', '..', '..', '..', '.env.example'), 'utf8');
  // A documented variable is a line `NAME=` or `# NAME=`.
  const documented = new Set([...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
  const read = new Set([
    ...AUTH_SERVER_VARIABLES,
    ...RESOURCE_API_VARIABLES,
    ...CLIENT_API_VARIABLES,
    ...TEST_VARIABLES,
  ]);

  it('documents every variable the code reads', () => {
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents no variable the code ignores', () => {
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
  });
});
