/**
 * Runs the extension tests (test/e2e/suite) inside a real VS Code: code-server serves the
 * workbench, headless Debian Chromium opens it with Palisade as the extension under
 * development, and the extension host runs the suite, which writes a JSON report that this
 * driver waits for. Exits non-zero when the report is missing, has failures or has no tests.
 *
 *   npm run test:e2e          (PALISADE_E2E_TIMEOUT_MS bounds the run, default 5 minutes;
 *                              PALISADE_E2E_KEEP=1 keeps the temp folder with the logs)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import type { E2eReport } from '../../test/e2e/suite/index';

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_SOURCE = path.join(ROOT, 'test', 'e2e', 'suite');
const SUITE_OUT = path.join(ROOT, 'out', 'e2e', 'suite');
const WORKSPACE_FIXTURE = path.join(ROOT, 'test', 'e2e', 'workspace');
const CHROMIUM = process.env.PALISADE_CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.PALISADE_E2E_TIMEOUT_MS ?? 5 * 60_000);
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}

async function buildExtensionAndSuite(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('building the extension failed');
  for (const bundle of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(path.join(ROOT, bundle))) throw new Error(`${bundle} is missing after the build`);
  }
  const entryPoints = (await fs.readdir(SUITE_SOURCE)).filter((f) => f.endsWith('.ts')).map((f) => path.join(SUITE_SOURCE, f));
  await fs.rm(SUITE_OUT, { recursive: true, force: true });
  // One bundle per file: index.js hands the *.test.js files to mocha, which is loaded from
  // node_modules (external) so the suite and its runner share one mocha instance.
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'error',
  });
}

/** The code-server package folder, installed (or found in the cache) by setup-code-server.sh. */
function codeServerPackage(): string {
  const setup = spawnSync('bash', [path.join(ROOT, 'scripts', 'e2e', 'setup-code-server.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) throw new Error('setup-code-server.sh failed (see above)');
  const folder = setup.stdout.trim().split('\n').pop() ?? '';
  if (!existsSync(path.join(folder, 'out', 'node', 'entry.js'))) throw new Error(`no code-server at "${folder}"`);
  return folder;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntil<T>(what: string, deadline: number, probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function isHealthy(port: number): Promise<true | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

interface Run {
  temp: string;
  workspace: string;
  resultsFile: string;
  logFile: string;
}

async function prepareRun(): Promise<Run> {
  const temp = await fs.mkdtemp(path.join(os.tmpdir(), 'palisade-e2e-'));
  const workspace = path.join(temp, 'workspace');
  await fs.cp(WORKSPACE_FIXTURE, workspace, { recursive: true });
  await fs.writeFile(path.join(temp, 'config.yaml'), '');
  return { temp, workspace, resultsFile: path.join(temp, 'results.json'), logFile: path.join(temp, 'code-server.log') };
}

function startCodeServer(codeServer: string, port: number, run: Run): ChildProcess {
  const args = [
    path.join(codeServer, 'out', 'node', 'entry.js'),
    '--config', path.join(run.temp, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', path.join(run.temp, 'user-data'),
    '--extensions-dir', path.join(run.temp, 'extensions'),
    run.workspace,
  ];
  const logStream = createWriteStream(run.logFile);
  // Its own process group, so the extension host and the language server die with it.
  const child = spawn(process.execPath, args, {
    cwd: run.temp,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PALISADE_E2E_RESULTS: run.resultsFile, XDG_CONFIG_HOME: path.join(run.temp, 'xdg-config'), XDG_DATA_HOME: path.join(run.temp, 'xdg-data') },
  });
  child.stdout?.pipe(logStream);
  child.stderr?.pipe(logStream);
  return child;
}

function stopProcessGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function workbenchUrl(port: number, workspace: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(path.join(SUITE_OUT, 'index'))],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function readReport(file: string): Promise<E2eReport | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as E2eReport;
  } catch {
    return undefined;
  }
}

function printReport(report: E2eReport): void {
  for (const test of report.tests) {
    const mark = test.state === 'passed' ? 'ok  ' : test.state === 'failed' ? 'FAIL' : 'skip';
    log(`${mark} ${test.title}${test.durationMs !== undefined ? ` (${test.durationMs} ms)` : ''}`);
    if (test.error) console.log(test.error.replace(/^/gm, '       '));
  }
  const s = report.stats;
  log(`${s.tests} tests: ${s.passes} passed, ${s.failures} failed, ${s.pending} pending, in ${s.durationMs} ms inside VS Code`);
}

/** Why the run failed, or undefined when it passed. */
function verdict(report: E2eReport | undefined): string | undefined {
  if (!report) return 'the extension tests wrote no report';
  if (report.stats.failures > 0) return `${report.stats.failures} extension test(s) failed`;
  if (report.stats.pending > 0) return `${report.stats.pending} extension test(s) did not run`;
  if (report.stats.passes === 0) return 'no extension test ran';
  return undefined;
}

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const deadline = Date.now() + TIMEOUT_MS;
  await buildExtensionAndSuite();
  const codeServer = codeServerPackage();
  const run = await prepareRun();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let failure: string | undefined;
  try {
    const port = await freePort();
    server = startCodeServer(codeServer, port, run);
    const exited = new Promise<never>((_, reject) => server?.once('exit', (code) => reject(new Error(`code-server exited early (${code}); see ${run.logFile}`))));
    exited.catch(() => undefined);
    await Promise.race([waitUntil('code-server to answer', deadline, () => isHealthy(port)), exited]);
    log(`code-server is up on port ${port}; opening the workbench in Chromium`);

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage();
    const browserLog = createWriteStream(path.join(run.temp, 'browser.log'));
    page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.message}\n`));
    await page.goto(workbenchUrl(port, run.workspace));

    const report = await Promise.race([
      waitUntil('the extension test report', deadline, () => readReport(run.resultsFile)).catch(() => undefined),
      exited,
    ]);
    if (report) printReport(report);
    failure = verdict(report);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    await browser?.close().catch(() => undefined);
    stopProcessGroup(server);
  }
  if (failure) {
    log(`FAILED: ${failure}. Logs kept in ${run.temp} (code-server.log, browser.log, user-data/logs).`);
    return 1;
  }
  if (process.env.PALISADE_E2E_KEEP) log(`kept ${run.temp}`);
  else await fs.rm(run.temp, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
