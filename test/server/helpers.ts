/** Shared set-up for the language server tests: one build, temp folders, fixtures. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../harness/lsp-client';

let built = false;

/** Builds dist/server.js once per test run (mocha `before` hooks call it). */
export function buildServer(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  built = true;
}

export function tempFolder(): { dir: string; uri: (name: string) => string; folderUri: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-lsp-'));
  return {
    dir,
    uri: (name) => pathToFileURL(path.join(dir, name)).href,
    folderUri: pathToFileURL(dir).href,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const PRIVILEGED_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '    - name: app',
  '      image: nginx:1.27',
  '      securityContext:',
  '        privileged: true',
  '',
].join('\n');

export const PRIVILEGED_MESSAGE = 'The container "app" is privileged: it can take over the node. Set privileged: false.';

/** Only the Pod Security Standards baseline: a privileged pod then has exactly one finding. */
export const BASELINE = { '*': { profile: 'pss-baseline' } };
