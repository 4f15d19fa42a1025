/**
 * Analyses files on worker threads (`dist/scan-worker.js`) for large scans, in the CLI and the
 * language server alike. The main thread keeps the walk, reading the files, the index, the
 * workspace rules and the publishing; workers run `analyzeFile` and send back plain data (see
 * rules/engine/portable.ts for how objects come back without parsing everything twice).
 *
 * Rules cannot cross threads: a job names a policy (a PalisadeConfig, plain data) and the worker
 * resolves it against its own copy of the registry, which gives the same rules.
 *
 * Work is handed out in small chunks, so fast workers take more and results (and progress)
 * flow while the scan runs. Whatever a worker could not do (it failed to start, crashed, or
 * threw) is returned to the caller, which does it on its own thread.
 */
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions } from '../../../rules/engine/analyze';
import type { PalisadeConfig } from '../../../rules/engine/config';
import type { PortableAnalysis } from '../../../rules/engine/portable';

/** Below this many files, starting threads costs more than it saves. */
export const WORKER_THRESHOLD = 200;
/** More threads than this only add memory: the main thread's share of the work becomes the limit. */
const MAX_WORKERS = 4;
/** `0` turns workers off; a positive number forces that many (tests, benchmarks). */
export const WORKERS_ENV = 'PALISADE_SCAN_WORKERS';

export interface ScanJob {
  id: number;
  /** The file's text: the caller reads files (it needs the text anyway, and can skip unchanged ones). */
  text: string;
  /** The name the engine is given (it tells Dockerfiles from YAML by name). */
  name: string;
  /** Index into the policies given with the jobs. */
  policy: number;
  options: AnalyzeOptions;
}

export type ScanJobResult =
  | { id: number; analysis: PortableAnalysis }
  /** The analysis failed on the worker: the caller analyses the file itself. */
  | { id: number; fallback: string };

export type WorkerRequest = { type: 'policies'; policies: PalisadeConfig[] } | { type: 'jobs'; jobs: ScanJob[] };
export type WorkerResponse = { type: 'ready' } | { type: 'result'; result: ScanJobResult };

/**
 * How many workers a scan of `fileCount` files uses: none below the threshold or on a single
 * core. The main thread mostly waits while workers run, so on N cores N workers keep every
 * core busy (N-1 would leave a 2-core machine with a single analysing thread, no faster).
 */
export function scanWorkerCount(fileCount: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const forced = env[WORKERS_ENV];
  if (forced !== undefined && /^\d+$/.test(forced.trim())) {
    const count = Number(forced.trim());
    return Math.min(count, fileCount);
  }
  if (fileCount <= WORKER_THRESHOLD) return 0;
  const cores = os.availableParallelism();
  return cores > 1 ? Math.min(cores, MAX_WORKERS) : 0;
}

/** The bundled worker next to the running bundle (dist/); absent when running from sources. */
export function workerScript(): string {
  return path.join(__dirname, 'scan-worker.js');
}

/** Workers that started (possibly none, then with the reason). */
export interface StartedWorkers {
  workers: Worker[];
  failure?: string;
}

/** Starts `count` workers and waits until each has loaded the engine and the registry. */
export async function startScanWorkers(count: number, script = workerScript()): Promise<StartedWorkers> {
  if (!existsSync(script)) return { workers: [], failure: `the worker script ${script} does not exist` };
  const starts = await Promise.all(Array.from({ length: count }, () => startWorker(script)));
  const workers = starts.filter((s): s is Worker => s instanceof Worker);
  const failure = workers.length > 0 ? undefined : [...new Set(starts.filter((s): s is string => typeof s === 'string'))].join('; ');
  return { workers, failure };
}

export function stopScanWorkers(started: StartedWorkers): void {
  for (const worker of started.workers) {
    worker.removeAllListeners();
    void worker.terminate();
  }
}

export interface RunOptions {
  /** The configs jobs refer to by index; each worker resolves them against its registry. */
  policies: PalisadeConfig[];
  signal?: AbortSignal;
  onResult: (result: ScanJobResult) => void;
  /** Problems worth a line in a log (a worker that crashed mid-scan). */
  onLog?: (message: string) => void;
}

/**
 * Runs the jobs on the started workers, then stops them. Returns the jobs no worker finished
 * (the workers crashed), for the caller to run itself; none when the scan was cancelled.
 */
export function runScanJobs(started: StartedWorkers, jobs: readonly ScanJob[], options: RunOptions): Promise<ScanJob[]> {
  for (const worker of started.workers) worker.postMessage({ type: 'policies', policies: options.policies } satisfies WorkerRequest);
  return dispatch(started.workers, jobs, options);
}

/** Workers that exited; the pool does not hand them work. */
const exited = new WeakSet<Worker>();

/** A worker that said it is ready, or why it could not start. */
function startWorker(script: string): Promise<Worker | string> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // A worker's stdout would otherwise join the process's: the language server's protocol
      // channel over stdio, and the CLI's report. Whatever a worker prints goes to stderr.
      worker = new Worker(script, { stdout: true });
      worker.stdout.pipe(process.stderr);
    } catch (error) {
      resolve(describe(error));
      return;
    }
    // Until the pool listens (other workers may still be starting), an error must not crash
    // the process and an exit must not go unnoticed.
    worker.on('error', () => undefined);
    worker.once('exit', () => exited.add(worker));
    const onMessage = (message: WorkerResponse) => {
      if (message.type !== 'ready') return;
      cleanup();
      resolve(worker);
    };
    const onError = (error: unknown) => {
      cleanup();
      void worker.terminate();
      resolve(describe(error));
    };
    const onExit = (code: number) => {
      cleanup();
      resolve(`the worker exited with code ${code} before it was ready`);
    };
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** Hands out chunks until every job is done, every worker is gone, or the scan is cancelled. */
function dispatch(workers: Worker[], jobs: readonly ScanJob[], options: RunOptions): Promise<ScanJob[]> {
  const queue = [...jobs];
  const unfinished: ScanJob[] = [];
  const inFlight = new Map<Worker, Map<number, ScanJob>>();
  const alive = new Set(workers.filter((w) => !exited.has(w)));
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const worker of alive) void worker.terminate();
      alive.clear();
      resolve(options.signal?.aborted ? [] : unfinished);
    };
    const onAbort = () => finish();
    const retire = (worker: Worker) => {
      alive.delete(worker);
      worker.removeAllListeners();
      void worker.terminate();
      if (alive.size === 0) {
        unfinished.push(...queue.splice(0));
        finish();
      }
    };
    const feed = (worker: Worker) => {
      if (queue.length === 0) {
        retire(worker);
        return;
      }
      // Smaller chunks near the end, so no worker is left with a long tail while others idle.
      const size = Math.max(1, Math.min(16, Math.ceil(queue.length / (alive.size * 4))));
      const chunk = queue.splice(0, size);
      inFlight.set(worker, new Map(chunk.map((job) => [job.id, job])));
      worker.postMessage({ type: 'jobs', jobs: chunk } satisfies WorkerRequest);
    };
    for (const worker of alive) {
      worker.on('message', (message: WorkerResponse) => {
        if (settled || message.type !== 'result') return;
        const pending = inFlight.get(worker);
        pending?.delete(message.result.id);
        options.onResult(message.result);
        if (pending && pending.size === 0 && !settled) feed(worker);
      });
      const lost = (why: string) => {
        if (settled || !alive.has(worker)) return;
        const pending = [...(inFlight.get(worker)?.values() ?? [])];
        inFlight.delete(worker);
        options.onLog?.(`a scan worker stopped (${why}); the main thread analyses what it had not finished`);
        unfinished.push(...pending);
        retire(worker);
      };
      worker.on('error', (error) => lost(describe(error)));
      worker.on('exit', (code) => lost(`exit code ${code}`));
    }
    if (options.signal?.aborted) {
      finish();
      return;
    }
    options.signal?.addEventListener('abort', onAbort);
    if (alive.size === 0) {
      unfinished.push(...queue.splice(0));
      finish();
      return;
    }
    for (const worker of [...alive]) feed(worker);
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
