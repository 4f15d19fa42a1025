/**
 * Benchmark: workspace scan time with and without worker threads, on the real-world corpus
 * (../shared/corpus/real-k8s), through the built language server (`palisade.scanWorkspace`)
 * and the built CLI (`palisade scan`). Nothing asserts: it prints a table.
 *   node scripts/build.mjs --quiet && npx tsx test/bench/scan-workers.ts [workers...]
 * Default worker counts: 0 (main thread only), 1, 2. The scan's profile is `strict`, so every
 * workspace rule runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../harness/lsp-client';

const ROOT = resolve(__dirname, '..', '..');
const CORPUS = resolve(ROOT, '../shared/corpus/real-k8s');
const ENV = 'PALISADE_SCAN_WORKERS';

/**
 * From starting the server to the end of a Scan Workspace command sent at once: what a user
 * waits for (the scan runs alongside, or after, the index the server builds on startup).
 */
async function lspScan(workers: number): Promise<string> {
  const started = performance.now();
  process.env[ENV] = String(workers);
  const client = await LspClient.start({ workspaceFolders: [pathToFileURL(CORPUS).href], settings: { '*': { profile: 'strict' } } });
  delete process.env[ENV];
  try {
    const summary = (await client.executeCommand('palisade.scanWorkspace')) as { files: number; findings: number; timeMs: number };
    return `${Math.round(performance.now() - started)} ms (${summary.files} files, ${summary.findings} findings)`;
  } finally {
    await client.stop();
  }
}

function cliScan(workers: number): string {
  const started = performance.now();
  const run = spawnSync(process.execPath, [resolve(ROOT, 'dist/cli.js'), 'scan', '--format', 'json', '--profile', 'strict', '.'], {
    cwd: CORPUS,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', [ENV]: String(workers) },
  });
  const elapsed = Math.round(performance.now() - started);
  const summary = JSON.parse(run.stdout).summary as { files: number; findings: number };
  return `${elapsed} ms (${summary.files} files, ${summary.findings} findings)`;
}

async function main(): Promise<void> {
  if (!existsSync(CORPUS)) {
    console.log(`corpus not found at ${CORPUS}: nothing to measure`);
    return;
  }
  const counts = process.argv.slice(2).map(Number);
  for (const workers of counts.length > 0 ? counts : [0, 1, 2]) {
    console.log(`workers=${workers}  editor scan: ${await lspScan(workers)}`);
    console.log(`workers=${workers}  palisade scan: ${cliScan(workers)}`);
  }
}

void main();
