import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@oauth/testing';

const GUIDE = 'docs/extending.md';
const EXAMPLES = 'tests/extending/src/examples';
const MARKER = /^<!-- example: (\S+) -->$/;

/** Every fenced block of the guide, with the example file its marker line names (if it has one). */
function codeBlocks(markdown: string): { line: number; file: string | undefined; code: string }[] {
  const lines = markdown.split('\n');
  const blocks: { line: number; file: string | undefined; code: string }[] = [];
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start].startsWith('```')) continue;
    const end = lines.findIndex((line, index) => index > start && line.startsWith('```'));
    if (end === -1) throw new Error(`${GUIDE}:${start + 1}: the code block is not closed`);
    // The marker is the last non-blank line before the block (Prettier puts a blank line between them).
    const marker = lines
      .slice(0, start)
      .reverse()
      .find((line) => line.trim() !== '');
    const file = MARKER.exec(marker ?? '')?.[1];
    blocks.push({ line: start + 1, file, code: `${lines.slice(start + 1, end).join('\n')}\n` });
    start = end;
  }
  return blocks;
}

describe(`${GUIDE} shows the examples the tests run`, () => {
  const blocks = codeBlocks(readFileSync(join(WORKSPACE_ROOT, GUIDE), 'utf8'));

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((block) => [block.line, block] as const))(
    'the code block at line %i is an example file, verbatim',
    (_line, block) => {
      expect(block.file).toMatch(new RegExp(`^${EXAMPLES}/[\\w.-]+\\.ts$`));
      expect(block.code).toBe(readFileSync(join(WORKSPACE_ROOT, block.file as string), 'utf8'));
    },
  );

  it('has a code block after every example marker', () => {
    const markers = readFileSync(join(WORKSPACE_ROOT, GUIDE), 'utf8').match(new RegExp(MARKER.source, 'gm')) ?? [];
    expect(blocks.filter((block) => block.file !== undefined)).toHaveLength(markers.length);
  });

  it('shows every example file', () => {
    const shown = blocks.map((block) => block.file);
    const files = readdirSync(join(WORKSPACE_ROOT, EXAMPLES)).map((name) => `${EXAMPLES}/${name}`);
    expect(files.filter((file) => !shown.includes(file))).toEqual([]);
  });
});
