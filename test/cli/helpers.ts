/** Runs the built CLI as a child process on temporary folders. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(PROJECT_ROOT, 'dist', 'cli.js');

const SCHEMA_PATH = path.join(PROJECT_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/**
 * The shipped schema declares draft-04, which Ajv 8 does not bundle. Its only draft-04-specific
 * keyword is the top-level `id` (no boolean exclusiveMinimum/Maximum), so it is read as draft-07
 * with `$id`: the constraints on the document are unchanged.
 */
export function sarifValidator() {
  const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp off: the schema's language pattern has a stray ']' that the u flag rejects.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ $schema: 'http://json-schema.org/draft-07/schema#', $id: String(id), ...schema });
}

let built = false;

/** Builds dist/cli.js once per test run. */
export function buildCli(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  built = true;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string, extra: Pick<SpawnSyncOptions, 'input' | 'uid' | 'gid'> & { env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...extra.env };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input: extra.input, env, uid: extra.uid, gid: extra.gid });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A temporary folder made a git root (an empty `.git`), so config discovery stops there and
 * never picks up a stray config above /tmp.
 */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'palisade-cli-'));
  chmodSync(root, 0o755);
  mkdirSync(path.join(root, '.git'));
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

export function removeTree(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A pod whose container "app" is privileged: line 10, columns 21-25 (1-based). */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

export const PRIVILEGED_MESSAGE = 'The container "app" is privileged: it can take over the node. Set privileged: false.';

export interface JsonFindingLike {
  ruleId: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  documentIndex: number;
  path: string;
  suppressed?: { via: string; reason?: string };
}

export interface JsonReportLike {
  version: string;
  files: Array<{ path: string; findings: JsonFindingLike[] }>;
  summary: { files: number; findings: number; bySeverity: Record<string, number>; byRule: Record<string, number>; suppressed: number };
}

/** `[file, ruleId, startLine, startChar, endLine, endChar]` for every finding of the given rules. */
export function tuples(report: JsonReportLike, ruleIds: readonly string[]): Array<[string, string, number, number, number, number]> {
  return report.files.flatMap((file) =>
    file.findings
      .filter((f) => ruleIds.includes(f.ruleId))
      .map((f): [string, string, number, number, number, number] => [file.path, f.ruleId, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]),
  );
}
