import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const GUIDE = 'docs/extending.md';

/**
 * A fenced code block right after `<!-- example: <path> -->` (blank lines between allowed, as Prettier writes
 * them), which must be that file's content.
 */
const EXAMPLE = /<!-- example: (\S+) -->\n\s*```[a-z]*\n([\s\S]*?)```\n/g;
const MARKER = /<!-- example: (\S+) -->/g;

const guide = readFileSync(join(ROOT, GUIDE), 'utf8');
const examples = [...guide.matchAll(EXAMPLE)].map(([, path, code]) => ({ path, code }));

describe(`the examples of ${GUIDE}`, () => {
  it('has examples, and a code block right after every example marker', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.map(({ path }) => path)).toEqual([...guide.matchAll(MARKER)].map(([, path]) => path));
  });

  it.each(examples)('shows $path exactly as the tests compile and run it', ({ path, code }) => {
    const file = join(ROOT, path);
    if (!existsSync(file)) throw new Error(`${GUIDE} shows ${path}, which does not exist`);
    expect(code).toBe(readFileSync(file, 'utf8'));
  });
});
