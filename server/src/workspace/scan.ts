/**
 * The scan core: the same pipeline for `palisade scan` and the language server's workspace
 * scan, so the pipeline and the editor never disagree.
 *
 *   per file: analyzeFile (per-document rules, parse errors, inline suppressions)
 *   then:     analyzeWorkspace over every file (cross-file rules)
 *   then:     applyConfigSuppressions with paths relative to the config's folder
 *
 * `scanSources` takes texts the caller already has (open editors, stdin); `scanPaths` walks
 * files and folders first. Both can be cancelled and report progress, for the editor.
 */
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeFile, DEFAULT_MAX_FILE_SIZE, type FileAnalysis, type ResolvedRule } from '../../../rules/engine/analyze';
import { FILE_NOT_ANALYZED } from '../../../rules/engine/builtin';
import { applyConfigSuppressions, isExcluded, resolveRules, type PalisadeConfig } from '../../../rules/engine/config';
import type { RuleOptions } from '../../../rules/engine/rule';
import { SEVERITIES, type Severity } from '../../../rules/engine/types';
import { analyzeWorkspace, type WorkspaceFinding } from '../../../rules/engine/workspace';
import { fromPortableAnalysis } from '../../../rules/engine/portable';
import { RULES } from '../../../rules/index';
import { describeError, toPosix, walk } from './walker';
import { runScanJobs, scanWorkerCount, startScanWorkers, stopScanWorkers, workerScript, type ScanJob, type ScanJobResult } from './worker-pool';

export interface ScanSource {
  /** How findings are keyed and shown: a path relative to the cwd (CLI) or a URI (editor). */
  file: string;
  /** Path relative to the config's folder, forward slashes: what `exclude` and suppressions match. */
  relativePath: string;
  text: string;
  /** Set when the file was not analysed at all (e.g. too large to read); becomes its one finding. */
  refusal?: string;
}

export interface ScanSettings {
  config: PalisadeConfig;
  /** The rules to run; by default the registry's rules as the config resolves them. */
  rules?: readonly ResolvedRule[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ScannedFile {
  file: string;
  relativePath: string;
  /** Sorted by position; suppressed findings are kept and marked. */
  findings: WorkspaceFinding[];
}

export interface ScanSummary {
  files: number;
  /** Findings that are not suppressed. */
  findings: number;
  bySeverity: Record<Severity, number>;
  byRule: Record<string, number>;
  suppressed: number;
}

export interface ScanTiming {
  walkMs: number;
  analyzeMs: number;
  workspaceMs: number;
  totalMs: number;
}

export interface ScanResult {
  files: ScannedFile[];
  summary: ScanSummary;
  timing: ScanTiming;
  /** True when the signal stopped the scan: the result covers only part of the files. */
  cancelled: boolean;
}

/** Hands control back to the event loop this often, so a language server stays responsive. */
const YIELD_EVERY_MS = 50;

export async function scanSources(sources: readonly ScanSource[], settings: ScanSettings): Promise<ScanResult> {
  const started = performance.now();
  const rules = settings.rules ?? resolveRules(RULES, settings.config);
  const options = ruleOptions(settings.config);
  const analyses: Analyzed[] = [];
  let cancelled = false;
  let lastYield = performance.now();
  for (const source of sources) {
    if (settings.signal?.aborted) {
      cancelled = true;
      break;
    }
    analyses.push({ source, analysis: analyzeSource(source, rules, options) });
    settings.onProgress?.(analyses.length, sources.length);
    if (performance.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  return finishScan(analyses, settings, rules, cancelled, started);
}

interface Analyzed {
  source: ScanSource;
  analysis: FileAnalysis;
}

/** The part of a scan after per-file analysis: workspace rules, config suppressions, summary. */
function finishScan(analyses: readonly Analyzed[], settings: ScanSettings, rules: readonly ResolvedRule[], cancelled: boolean, started: number): ScanResult {
  const options = ruleOptions(settings.config);
  const analyzed = performance.now();
  const crossFile = cancelled
    ? new Map<string, WorkspaceFinding[]>()
    : analyzeWorkspace(
        analyses.map(({ source, analysis }) => ({ file: source.file, text: source.text, analysis })),
        rules,
        options,
      );
  const files = analyses.map(({ source, analysis }) => {
    const findings: WorkspaceFinding[] = [...analysis.findings, ...(crossFile.get(source.file) ?? [])].sort(byPosition);
    applyConfigSuppressions(findings, source.relativePath, settings.config);
    return { file: source.file, relativePath: source.relativePath, findings };
  });
  const finished = performance.now();
  return {
    files,
    summary: summarize(files),
    timing: { walkMs: 0, analyzeMs: analyzed - started, workspaceMs: finished - analyzed, totalMs: finished - started },
    cancelled,
  };
}

export interface PathScanSettings extends ScanSettings {
  /** Folder that `exclude` and suppression paths are relative to (the config's folder, or the cwd). */
  configDir: string;
  /** Folder that shown paths are relative to. */
  cwd: string;
  /** Unreadable folders and files; the scan goes on without them. */
  onWarning?: (message: string) => void;
  /** Texts that do not come from disk, e.g. stdin as `<stdin>`, scanned with the walked files. */
  extraSources?: readonly ScanSource[];
}

/** Walks the paths (files or folders), reads the files and scans them together. */
export async function scanPaths(paths: readonly string[], settings: PathScanSettings): Promise<ScanResult> {
  const started = performance.now();
  const relativeToConfig = (absolute: string) => toPosix(path.relative(settings.configDir, absolute));
  const sources: ScanSource[] = [...(settings.extraSources ?? [])];
  const walker = walk(
    paths.map((p) => path.resolve(settings.cwd, p)),
    {
      isExcluded: (absolute) => isExcluded(relativeToConfig(absolute), settings.config),
      onWarning: settings.onWarning,
      signal: settings.signal,
      displayPath: (absolute) => toPosix(path.relative(settings.cwd, absolute)) || '.',
    },
  );
  for await (const absolute of walker) {
    const source = await readSource(absolute, toPosix(path.relative(settings.cwd, absolute)), relativeToConfig(absolute), settings.onWarning);
    if (source) sources.push(source);
  }
  const walked = performance.now();
  const result = (await scanOnWorkers(sources, settings)) ?? (await scanSources(sources, settings));
  result.timing.walkMs = walked - started;
  result.timing.totalMs = performance.now() - started;
  return result;
}

/**
 * `scanSources` for many files: workers analyse the texts (each resolves the rules from the same
 * config), this thread keeps the order, the refused files and the workspace rules. Undefined
 * when workers are not worth it or none started; custom rule lists cannot cross threads.
 */
async function scanOnWorkers(sources: readonly ScanSource[], settings: ScanSettings): Promise<ScanResult | undefined> {
  const count = settings.rules === undefined && existsSync(workerScript()) ? scanWorkerCount(sources.length) : 0;
  if (count === 0) return undefined;
  const started = performance.now();
  const workers = await startScanWorkers(count);
  try {
    if (workers.workers.length === 0) return undefined;
    const rules = resolveRules(RULES, settings.config);
    const options = ruleOptions(settings.config);
    const jobs: ScanJob[] = [];
    sources.forEach((source, id) => {
      if (source.refusal === undefined) jobs.push({ id, text: source.text, name: source.file, policy: 0, options });
    });
    const results: Array<ScanJobResult | undefined> = [];
    let done = 0;
    await runScanJobs(workers, jobs, {
      policies: [settings.config],
      signal: settings.signal,
      onResult: (result) => {
        results[result.id] = result;
        settings.onProgress?.(++done, sources.length);
      },
    });
    const cancelled = settings.signal?.aborted === true;
    const analyses: Analyzed[] = [];
    for (const [id, source] of sources.entries()) {
      const result = results[id];
      if (result && 'analysis' in result) analyses.push({ source, analysis: fromPortableAnalysis(source.text, result.analysis) });
      else if (!cancelled) analyses.push({ source, analysis: analyzeSource(source, rules, options) });
    }
    return finishScan(analyses, settings, rules, cancelled, started);
  } finally {
    stopScanWorkers(workers);
  }
}

/** Reads a file as UTF-8 without its byte order mark (editors do not count it as a column). */
export async function readSource(
  absolute: string,
  file: string,
  relativePath: string,
  onWarning?: (message: string) => void,
  maxFileSize = DEFAULT_MAX_FILE_SIZE,
): Promise<ScanSource | undefined> {
  try {
    const { size } = await fs.stat(absolute);
    // UTF-8 needs at most 3 bytes per UTF-16 unit: beyond that the engine would refuse it anyway.
    if (size > maxFileSize * 3) {
      return { file, relativePath, text: '', refusal: `File not analysed: it has ${size} bytes, more than the limit of ${maxFileSize} characters.` };
    }
    const text = await fs.readFile(absolute, 'utf8');
    return { file, relativePath, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    onWarning?.(`cannot read file ${file}: ${describeError(error)}; skipped`);
    return undefined;
  }
}

function analyzeSource(source: ScanSource, rules: readonly ResolvedRule[], options: RuleOptions): FileAnalysis {
  if (source.refusal === undefined) return analyzeFile(source.file, source.text, rules, options);
  const origin = { line: 0, character: 0 };
  return {
    language: 'kubernetes',
    documentCount: 0,
    objects: [],
    findings: [
      {
        ruleId: FILE_NOT_ANALYZED.id,
        severity: FILE_NOT_ANALYZED.severity,
        message: source.refusal,
        start: 0,
        end: 0,
        range: { start: origin, end: origin },
        documentIndex: 0,
        path: '',
      },
    ],
  };
}

export function ruleOptions(config: PalisadeConfig): RuleOptions {
  return { kubernetesVersion: config.kubernetesVersion, trustedRegistries: config.trustedRegistries };
}

function byPosition(a: WorkspaceFinding, b: WorkspaceFinding): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function summarize(files: readonly ScannedFile[]): ScanSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byRule: Record<string, number> = {};
  let findings = 0;
  let suppressed = 0;
  for (const file of files) {
    for (const f of file.findings) {
      if (f.suppressed) {
        suppressed++;
        continue;
      }
      findings++;
      bySeverity[f.severity]++;
      byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    }
  }
  const sortedByRule = Object.fromEntries(Object.entries(byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { files: files.length, findings, bySeverity, byRule: sortedByRule, suppressed };
}
