/**
 * The entry VS Code's extension host loads as `extensionTestsPath`: runs the mocha suite and
 * writes a JSON report that the driver (scripts/e2e/run-e2e.ts) reads, because in the web
 * workbench no exit code comes back. Also usable with @vscode/test-electron, which only needs
 * `run()` to reject on failure.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface E2eReport {
  stats: { tests: number; passes: number; failures: number; pending: number; durationMs: number };
  tests: Array<{ title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }>;
}

/** The order the files run in: activation first, the files that edit fixtures before the scan. */
const TEST_FILES = ['activation', 'diagnostics', 'dockerfile', 'hover', 'quick-fixes', 'fix-all', 'scan', 'settings', 'commands'];

/** A test file left out of TEST_FILES would silently never run: refuse to start instead. */
async function checkTestFiles(): Promise<void> {
  const present = (await fs.readdir(__dirname)).filter((f) => f.endsWith('.test.js')).map((f) => f.slice(0, -'.test.js'.length));
  const unlisted = present.filter((name) => !TEST_FILES.includes(name));
  const missing = TEST_FILES.filter((name) => !present.includes(name));
  if (unlisted.length > 0 || missing.length > 0) {
    throw new Error(`test/e2e/suite/index.ts TEST_FILES is out of date: not listed ${JSON.stringify(unlisted)}, not found ${JSON.stringify(missing)}`);
  }
}

export async function run(): Promise<void> {
  const resultsFile = process.env.PALISADE_E2E_RESULTS ?? path.join(__dirname, '..', 'results.json');
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, forbidOnly: true, forbidPending: true, reporter: 'spec' });
  for (const name of TEST_FILES) mocha.addFile(path.join(__dirname, `${name}.test.js`));
  const report: E2eReport = { stats: { tests: 0, passes: 0, failures: 0, pending: 0, durationMs: 0 }, tests: [] };
  const started = Date.now();
  try {
    await checkTestFiles();
    await mocha.loadFilesAsync();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => report.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
      runner.on('fail', (test, error: Error) => report.tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) }));
      runner.on('pending', (test) => report.tests.push({ title: test.fullTitle(), state: 'pending' }));
    });
  } catch (error) {
    report.tests.push({ title: 'loading the test files', state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  report.stats = {
    tests: report.tests.length,
    passes: report.tests.filter((t) => t.state === 'passed').length,
    failures: report.tests.filter((t) => t.state === 'failed').length,
    pending: report.tests.filter((t) => t.state === 'pending').length,
    durationMs: Date.now() - started,
  };
  // Written to a temporary name first so the driver never reads half a file.
  await fs.writeFile(`${resultsFile}.tmp`, JSON.stringify(report, null, 2));
  await fs.rename(`${resultsFile}.tmp`, resultsFile);
  if (report.stats.failures > 0) throw new Error(`${report.stats.failures} of ${report.stats.tests} extension tests failed`);
  if (report.stats.passes === 0) throw new Error('no extension test ran');
}
