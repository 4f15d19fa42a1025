/**
 * The workspace: the initial index on startup and the `palisade.scanWorkspace` command. Both
 * walk every workspace folder with the shared walker (`.gitignore`, `files.exclude`, config and
 * editor `exclude`) and feed the same index the editor uses, so a scan reuses the
 * per-file caches and open documents keep priority over what is on disk.
 *
 * Large scans (see `scanWorkerCount`; `PALISADE_SCAN_WORKERS=0` turns workers off) read the
 * files here, skip those the index already holds as they are, have workers analyse the others,
 * and record the results in the walk's order, with objects whose YAML nodes are read again only
 * when a workspace rule asks for them (rules/engine/portable.ts). Diagnostics are the same as
 * on the main thread, which takes over when workers cannot start.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import picomatch from 'picomatch';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PalisadeConfig } from '../../../rules/engine/config';
import type { FileAnalysis } from '../../../rules/engine/analyze';
import { fromPortableAnalysis } from '../../../rules/engine/portable';
import type { WorkspaceIndex } from '../workspace/index';
import { readSource, summarize, type ScannedFile, type ScanResult, type ScanSource, type ScanSummary } from '../workspace/scan';
import { toPosix, walk } from '../workspace/walker';
import { runScanJobs, scanWorkerCount, startScanWorkers, stopScanWorkers, type ScanJob, type ScanJobResult } from '../workspace/worker-pool';
import { isPathExcluded, type EngineConfig } from './engine-config';
import type { SettingsStore } from './settings';
import { pathToUri, uriToPath, type WorkspaceFolders } from './uris';
import { newBatch, type Batch, type Validator } from './validator';

export interface ScanContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  settings: SettingsStore;
  folders: WorkspaceFolders;
  validator: Validator;
}

export interface WorkspaceScanSummary extends ScanSummary {
  folders: number;
  timeMs: number;
  cancelled: boolean;
}

/** Yield to the event loop this often so cancellation and edits are served during a scan. */
const YIELD_EVERY_MS = 30;

/** Every file to analyse in the workspace folders, with the folder it belongs to. */
async function listFiles(ctx: ScanContext, signal: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  for (const folder of ctx.folders.all()) {
    const folderUri = pathToUri(folder);
    const engine = await ctx.validator.engineFor(folderUri);
    const filesExclude = await ctx.settings.getFilesExclude(folderUri);
    const isHidden = filesExclude.length > 0 ? picomatch(filesExclude, { dot: true }) : () => false;
    const isExcluded = (absolute: string) => isPathExcluded(engine, absolute) || isHidden(toPosix(path.relative(folder, absolute)));
    const onWarning = (message: string) => ctx.connection.console.warn(`Palisade: ${message}`);
    try {
      for await (const file of walk([folder], { isExcluded, signal, onWarning })) {
        if (ctx.folders.folderOf(file) === folder) files.push(file);
      }
    } catch (error) {
      onWarning(`cannot scan ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return files;
}

/** The URI the client uses for a file when it is open, else the file's own URI. */
function uriFor(ctx: ScanContext, file: string): string {
  return ctx.documents.all().find((d) => uriToPath(d.uri) === file)?.uri ?? pathToUri(file);
}

async function analyzeFiles(
  ctx: ScanContext,
  files: readonly string[],
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<{ batch: Batch; uris: string[] }> {
  return scanWorkerCount(files.length) > 0 ? analyzeOnWorkers(ctx, files, signal, onProgress) : analyzeOnMainThread(ctx, files, signal, onProgress);
}

async function analyzeOnMainThread(
  ctx: ScanContext,
  files: readonly string[],
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<{ batch: Batch; uris: string[] }> {
  const batch = newBatch();
  const uris: string[] = [];
  let lastYield = performance.now();
  for (const file of files) {
    if (signal.aborted) break;
    const uri = uriFor(ctx, file);
    await analyzeHere(ctx, file, uri, batch);
    uris.push(uri);
    onProgress(uris.length);
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  return { batch, uris };
}

/** One file on this thread: the open buffer if there is one, else the file on disk. */
async function analyzeHere(ctx: ScanContext, file: string, uri: string, batch: Batch, read?: ScanSource | null): Promise<void> {
  if (ctx.documents.get(uri)) await ctx.validator.flush(uri);
  else {
    const source = read === undefined ? await readSource(file, file, file) : (read ?? undefined);
    await ctx.validator.refreshFromDisk(uri, source?.text ?? '', batch, source?.refusal);
  }
}

interface Slot {
  file: string;
  uri: string;
  /** What was read from disk (null: unreadable); unset when the file was not read here. */
  source?: ScanSource | null;
  /** The index already holds this text's analysis with the same config: nothing to redo. */
  current?: FileAnalysis;
  job?: ScanJob;
  result?: ScanJobResult;
}

/**
 * Workers analyse the files on disk that changed; this thread keeps what only it can do:
 * reading (to skip files the index already holds as they are), open buffers, files the
 * validator does not analyse, and recording results in the index in the walk's order (the
 * order workspace rules see objects in, so results match the main-thread path). Too few changed
 * files, or workers that do not start, and this thread analyses them.
 */
function analyzeOnWorkers(
  ctx: ScanContext,
  files: readonly string[],
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<{ batch: Batch; uris: string[] }> {
  // One run at a time: a scan started during the startup index then finds its files current
  // instead of analysing them all a second time on other threads.
  const previous = workerRuns.get(ctx.index) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => analyzeOnWorkersNow(ctx, files, signal, onProgress));
  workerRuns.set(ctx.index, run);
  return run;
}

const workerRuns = new WeakMap<WorkspaceIndex, Promise<unknown>>();

async function analyzeOnWorkersNow(
  ctx: ScanContext,
  files: readonly string[],
  signal: AbortSignal,
  onProgress: (done: number) => void,
): Promise<{ batch: Batch; uris: string[] }> {
  const { slots, jobs, policies } = await planJobs(ctx, files, signal);
  let done = slots.filter((s) => s.current).length;
  if (done > 0) onProgress(done);
  const count = signal.aborted ? 0 : scanWorkerCount(jobs.length);
  if (count > 0) {
    const started = await startScanWorkers(count);
    try {
      if (started.workers.length === 0) ctx.connection.console.warn(`Palisade: scanning on the main thread, the scan workers did not start: ${started.failure}`);
      else {
        ctx.connection.console.info(`Palisade: analysing ${jobs.length} of ${files.length} files on ${started.workers.length} worker threads`);
        await runScanJobs(started, jobs, {
          policies,
          signal,
          onResult: (result) => {
            slots[result.id].result = result;
            onProgress(++done);
          },
          onLog: (message) => ctx.connection.console.warn(`Palisade: ${message}`),
        });
      }
    } finally {
      stopScanWorkers(started);
    }
  }
  return recordInOrder(ctx, slots, signal, () => onProgress(++done));
}

/** Records every slot in the index, in order; on cancellation, only what workers finished. */
async function recordInOrder(ctx: ScanContext, slots: readonly Slot[], signal: AbortSignal, countHere: () => void): Promise<{ batch: Batch; uris: string[] }> {
  const batch = newBatch();
  const uris: string[] = [];
  let lastYield = performance.now();
  for (const slot of slots) {
    // Documents the user opens or edits meanwhile go first (a big file here takes seconds).
    await ctx.validator.scheduler.whenIdle();
    const ready = ctx.documents.get(slot.uri) ? undefined : readyAnalysis(slot);
    if (ready) await ctx.validator.recordFromDisk(slot.uri, slot.source?.text ?? '', ready, batch);
    else if (signal.aborted) continue;
    else {
      await analyzeHere(ctx, slot.file, slot.uri, batch, slot.source);
      if (!slot.result) countHere();
    }
    uris.push(slot.uri);
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  return { batch, uris };
}

/** The analysis a slot already has: the index's, or a worker's. */
function readyAnalysis(slot: Slot): FileAnalysis | undefined {
  if (slot.current) return slot.current;
  if (slot.result && 'analysis' in slot.result) return fromPortableAnalysis(slot.source?.text ?? '', slot.result.analysis);
  return undefined;
}

/** Reads the files the validator would analyse from disk; a job for each that changed. */
async function planJobs(ctx: ScanContext, files: readonly string[], signal: AbortSignal): Promise<{ slots: Slot[]; jobs: ScanJob[]; policies: PalisadeConfig[] }> {
  const slots: Slot[] = [];
  const jobs: ScanJob[] = [];
  const policies = new Map<EngineConfig, number>();
  for (const file of files) {
    const slot: Slot = { file, uri: uriFor(ctx, file) };
    slots.push(slot);
    if (signal.aborted || ctx.documents.get(slot.uri)) continue;
    const engine = await ctx.validator.engineFor(slot.uri);
    const input = ctx.validator.analysisInput(slot.uri, engine);
    if (!input) continue;
    const source = (await readSource(file, file, file)) ?? null;
    slot.source = source;
    if (!source || source.refusal !== undefined) continue;
    const indexed = ctx.index.get(slot.uri);
    if (indexed?.analysis && indexed.source === 'disk' && indexed.text === source.text && ctx.validator.engineOf(slot.uri) === engine) {
      slot.current = indexed.analysis;
      continue;
    }
    let policy = policies.get(engine);
    if (policy === undefined) {
      policy = policies.size;
      policies.set(engine, policy);
    }
    slot.job = { id: slots.length - 1, text: source.text, name: input.name, policy, options: input.options };
    jobs.push(slot.job);
  }
  return { slots, jobs, policies: [...policies.keys()].map((engine) => engine.config) };
}

/** On startup: index every file so workspace rules see the whole workspace. Publishes nothing new. */
export async function indexWorkspace(ctx: ScanContext, signal: AbortSignal): Promise<void> {
  const files = await listFiles(ctx, signal);
  const { batch } = await analyzeFiles(ctx, files, signal, () => undefined);
  if (!signal.aborted) await ctx.validator.finishBatch(batch);
}

/**
 * The scan command: every file of every folder gets diagnostics, opened or not; files that a
 * previous scan showed and that are gone (deleted, now excluded) lose theirs.
 */
export async function scanWorkspace(ctx: ScanContext, token?: CancellationToken): Promise<{ summary: WorkspaceScanSummary; result: ScanResult }> {
  const started = performance.now();
  const progress = await ctx.connection.window.createWorkDoneProgress();
  const controller = new AbortController();
  const cancel = () => controller.abort();
  progress.token.onCancellationRequested(cancel);
  token?.onCancellationRequested(cancel);
  progress.begin('Palisade: scanning the workspace', 0, 'Finding files…', true);
  try {
    const files = await listFiles(ctx, controller.signal);
    let reported = 0;
    const { batch, uris } = await analyzeFiles(ctx, files, controller.signal, (done) => {
      if (done === files.length || performance.now() - reported > 100) {
        reported = performance.now();
        progress.report(Math.floor((done / Math.max(files.length, 1)) * 100), `${done}/${files.length} files`);
      }
    });
    const cancelled = controller.signal.aborted;
    if (!cancelled) replaceScannedSet(ctx, uris);
    await ctx.validator.finishBatch(batch);
    const result = scanResult(ctx, uris, cancelled);
    result.timing.totalMs = performance.now() - started;
    const summary: WorkspaceScanSummary = { ...result.summary, folders: ctx.folders.all().length, timeMs: Math.round(result.timing.totalMs), cancelled };
    ctx.connection.console.info(describeSummary(summary));
    return { summary, result };
  } finally {
    progress.done();
  }
}

function replaceScannedSet(ctx: ScanContext, uris: readonly string[]): void {
  const now = new Set(uris);
  for (const old of [...ctx.validator.scanned]) {
    if (now.has(old)) continue;
    ctx.validator.scanned.delete(old);
    if (!ctx.documents.get(old)) ctx.validator.forget(old);
  }
  for (const uri of uris) ctx.validator.scanned.add(uri);
}

/** The scan as the report formats expect it: paths relative to their workspace folder. */
export function scanResult(ctx: ScanContext, uris: readonly string[], cancelled: boolean): ScanResult {
  const files: ScannedFile[] = [];
  for (const uri of uris) {
    const file = ctx.index.get(uri);
    const fsPath = uriToPath(uri);
    if (!file?.analysis || !fsPath) continue;
    const engine = ctx.validator.engineOf(uri);
    const folder = ctx.folders.folderOf(fsPath);
    const display = folder ? toPosix(path.relative(ctx.folders.all().length > 1 ? path.dirname(folder) : folder, fsPath)) : toPosix(fsPath);
    files.push({
      file: display,
      relativePath: engine ? toPosix(path.relative(engine.dir, fsPath)) : display,
      findings: ctx.validator.allFindings(uri, file.analysis, engine),
    });
  }
  return { files, summary: summarize(files), timing: { walkMs: 0, analyzeMs: 0, workspaceMs: 0, totalMs: 0 }, cancelled };
}

export function describeSummary(s: WorkspaceScanSummary): string {
  const byRule = Object.entries(s.byRule)
    .sort(([, a], [, b]) => b - a)
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  const head = `Palisade: ${s.cancelled ? 'scan cancelled after' : 'scanned'} ${s.files} files in ${s.timeMs} ms`;
  const counts = `${s.findings} findings (${s.bySeverity.error} errors, ${s.bySeverity.warning} warnings, ${s.bySeverity.info} info), ${s.suppressed} suppressed`;
  return `${head}: ${counts}${byRule ? `. By rule: ${byRule}` : ''}.`;
}
