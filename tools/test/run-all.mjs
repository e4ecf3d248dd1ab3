// Runs every project's tests through Nx and ends with one line: "N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const totalsDir = join(root, 'tmp', 'test-totals');
rmSync(totalsDir, { recursive: true, force: true });

const nx = spawnSync(
  'npx',
  [
    'nx',
    'run-many',
    '-t',
    'test',
    '--skip-nx-cache',
    '--parallel=2',
    '--output-style=stream',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);

let passed = 0;
let failed = 0;
const files = existsSync(totalsDir) ? readdirSync(totalsDir) : [];
for (const file of files) {
  const totals = JSON.parse(readFileSync(join(totalsDir, file), 'utf8'));
  passed += totals.passed;
  failed += totals.failed + totals.brokenSuites;
}
// A project that failed before Jest could report (e.g. its build) still fails the run.
if (nx.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(nx.status === 0 && failed === 0 ? 0 : 1);
