// A Jest reporter that records each project's totals, so `npm test` can print one line for all suites.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const WORKSPACE_ROOT = join(__dirname, '..', '..');
const RESULTS_DIR = join(WORKSPACE_ROOT, 'tmp', 'test-totals');

class TotalsReporter {
  constructor(globalConfig) {
    this.project = relative(WORKSPACE_ROOT, globalConfig.rootDir).replace(/[\\/]/g, '__') || 'root';
  }

  onRunComplete(_contexts, results) {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const totals = {
      project: this.project,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      // A suite that failed to load runs no test; it still counts as a failure.
      brokenSuites: results.numRuntimeErrorTestSuites,
    };
    writeFileSync(join(RESULTS_DIR, `${this.project}.json`), JSON.stringify(totals));
  }
}

module.exports = TotalsReporter;
