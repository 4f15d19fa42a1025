/**
 * The data flow of the editor, in one place:
 *
 *   didOpen/didChange/didSave -> debounce per URI (a newer version aborts older work)
 *     -> analyse the buffer with the document's AnalysisCache (only changed YAML documents
 *        are analysed again) -> update the workspace index
 *     -> when the file's objects changed: workspace rules over the folder, and republish the
 *        other files whose cross-file findings changed. On a keystroke they wait for the folder
 *        to be idle (WORKSPACE_IDLE_MS): the file is published at once with the workspace
 *        findings of its unchanged documents carried over, the rest follows the idle run
 *     -> config suppressions -> versioned publishDiagnostics.
 *
 * Which files get diagnostics: open documents, plus every file of a workspace scan.
 */
import { copyFinding } from '../../../rules/engine/changes';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, languageOf, warmAnalysisCache, type AnalyzedObject, type AnalyzeOptions, type FileAnalysis } from '../../../rules/engine/analyze';
import { FILE_NOT_ANALYZED } from '../../../rules/engine/builtin';
import { applyConfigSuppressions, CONFIG_FILE_NAMES } from '../../../rules/engine/config';
import type { Finding, Language } from '../../../rules/engine/types';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';
import type { IndexedFile, WorkspaceIndex } from '../workspace/index';
import { ConfigDiagnostics } from './config-diagnostics';
import { toDiagnostics } from './diagnostics';
import { isPathExcluded, NO_FOLDER, relativeToConfig, type ConfigStore, type EngineConfig } from './engine-config';
import { whenOutputFlushed } from './transport';
import { Scheduler } from './scheduler';
import type { SettingsStore } from './settings';
import { pathToUri, uriToPath, type WorkspaceFolders } from './uris';

export type Reason = 'open' | 'change' | 'save' | 'refresh';

/** What was published for a file: code actions and hovers read it instead of analysing again. */
export interface Published {
  version?: number;
  text: string;
  /** Unsuppressed findings, per-file and workspace ones, exactly those published. */
  findings: Finding[];
  engine?: EngineConfig;
  /** The diagnostics sent, one per finding in the same order: the next publish reuses them. */
  diagnostics: Diagnostic[];
}

/** The longest pause after a keystroke before the document is analysed (no setting changes it). */
export const DEBOUNCE_MS = 150;

/** An edit whose analysis and publishing cost less than this is analysed at once. */
export const IMMEDIATE_BELOW_MS = 25;

/** A change this long after the document's previous change (or analysis) starts a new burst of typing. */
export const QUIET_BEFORE_MS = 500;

/**
 * The pause after a keystroke, from what the file's last analysis cost. Most edits re-analyse
 * one document of a cached file and cost a few milliseconds: those run at once, as ESLint's
 * server does, so squiggles follow typing. A file that costs more (a huge document is parsed
 * whole) waits for typing to pause, as long as one analysis takes (at most DEBOUNCE_MS), so
 * analysis never takes more than about half the time while the user types; but the first
 * change after a quiet moment (a single edit, the first key of a word) runs at once, as a
 * leading-edge debounce does: the keys that follow it within the burst are the ones that wait.
 */
export function debounceFor(lastCostMs: number | undefined, quietBeforeMs = 0): number {
  if (lastCostMs === undefined) return DEBOUNCE_MS;
  if (lastCostMs < IMMEDIATE_BELOW_MS || quietBeforeMs >= QUIET_BEFORE_MS) return 0;
  return Math.min(DEBOUNCE_MS, Math.ceil(lastCostMs));
}

/** What `debounceFor` is given about an open document: its last analysis and its last change (ms, performance.now()). */
interface DocumentTiming {
  costMs?: number;
  analysedAt?: number;
  changedAt?: number;
}

/** The pause after the last keystroke in a folder before workspace rules run over it. */
export const WORKSPACE_IDLE_MS = 400;

/** Background analysis runs this long between pauses for the editor, each YIELD_TICK_MS long (about 10% slower). */
const BACKGROUND_SLICE_MS = 100;
const YIELD_TICK_MS = 10;

/** Scheduler key of a group's deferred workspace run (never a URI: URIs have a scheme). */
function workspaceJobKey(group: string): string {
  return `\0workspace:${group}`;
}

export function isConfigFile(file: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file));
}

/** What the server analyses a document as: by language id when open, else by file name. */
export function languageFor(uri: string, languageId?: string): Language | undefined {
  if (languageId === 'dockerfile') return 'dockerfile';
  if (languageId === 'yaml') return 'kubernetes';
  return languageOf(uri.replace(/[?#].*$/, ''));
}

export interface ValidatorContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  configs: ConfigStore;
  settings: SettingsStore;
  folders: WorkspaceFolders;
}

export class Validator {
  readonly scheduler: Scheduler;
  private readonly published = new Map<string, Published>();
  /** Per open document, what its last analysis cost and when it ended, and when its last change came (for `debounceFor`). */
  private readonly timing = new Map<string, DocumentTiming>();
  private readonly engines = new Map<string, EngineConfig>();
  /** The policy of each group's waiting workspace run (that of the file last edited). */
  private readonly deferredEngines = new Map<string, EngineConfig>();
  /** Files shown because a workspace scan covered them (open files are always shown). */
  readonly scanned = new Set<string>();
  readonly configDiagnostics: ConfigDiagnostics;
  private revalidation?: Promise<void>;
  private revalidateAgain = false;

  constructor(private readonly ctx: ValidatorContext) {
    this.configDiagnostics = new ConfigDiagnostics(ctx.connection, ctx.documents, ctx.configs, ctx.folders);
    this.scheduler = new Scheduler(DEBOUNCE_MS, (uri, error) =>
      ctx.connection.console.error(`Palisade: analysing ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    );
  }

  // --- document events -------------------------------------------------------------

  request(doc: TextDocument, reason: Reason): void {
    if (isConfigFile(doc.uri)) {
      this.configDiagnostics.publishBuffer(doc);
      return;
    }
    if (!languageFor(doc.uri, doc.languageId)) return;
    const delay = reason === 'change' ? debounceFor(this.timing.get(doc.uri)?.costMs, this.quietBefore(doc.uri)) : 0;
    this.scheduler.schedule(doc.uri, (signal) => this.validateOpen(doc.uri, reason, signal), delay);
  }

  /**
   * Ms since the document's previous change was received or its last analysis ended, and notes
   * this change. A key typed while an analysis held the thread is received when it ends: it is
   * part of the burst, not the start of a new one.
   */
  private quietBefore(uri: string): number {
    const now = performance.now();
    const timing = this.timingOf(uri);
    const previous = Math.max(timing.changedAt ?? -Infinity, timing.analysedAt ?? -Infinity);
    timing.changedAt = now;
    return now - previous;
  }

  private timingOf(uri: string): DocumentTiming {
    let timing = this.timing.get(uri);
    if (!timing) this.timing.set(uri, (timing = {}));
    return timing;
  }

  async close(uri: string): Promise<void> {
    this.scheduler.cancel(uri);
    this.timing.delete(uri);
    if (isConfigFile(uri)) {
      await this.configDiagnostics.publishLoaded();
      return;
    }
    const file = this.ctx.index.get(uri);
    if (!file) return;
    const fsPath = uriToPath(uri);
    // The buffer may have held unsaved edits: the index must go back to what is on disk.
    const disk = fsPath && this.ctx.folders.folderOf(fsPath) !== '' ? await readText(fsPath) : undefined;
    if (disk === undefined) {
      this.forget(uri);
      return;
    }
    file.source = 'disk';
    await this.refreshFromDisk(uri, disk);
    if (!this.scanned.has(uri)) this.clear(uri);
  }

  /** Analyses the latest version now (code actions and hovers need it current). */
  async flush(uri: string): Promise<Published | undefined> {
    const doc = this.ctx.documents.get(uri);
    this.runDeferredWorkspaceRules(this.ctx.index.get(uri)?.group);
    const current = this.published.get(uri);
    if (doc && current?.version === doc.version && !this.scheduler.isPending(uri)) return current;
    if (doc) {
      this.scheduler.cancel(uri);
      await this.validateOpen(uri, 'refresh', new AbortController().signal);
    }
    return this.published.get(uri);
  }

  publishedFor(uri: string): Published | undefined {
    return this.published.get(uri);
  }

  // --- analysis --------------------------------------------------------------------

  private async validateOpen(uri: string, reason: Reason, signal: AbortSignal, batch?: Batch): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc || isConfigFile(uri) || !languageFor(uri, doc.languageId)) return;
    // TextDocuments updates documents in place: remember which version this job is for.
    const version = doc.version;
    const engine = await this.engineFor(uri);
    if (signal.aborted) return;
    if (reason === 'change' && engine.settings.run === 'onSave') return;
    // Saving a buffer that was analysed as typed changes nothing.
    if (reason === 'save' && engine.settings.run === 'onType' && this.published.get(uri)?.version === version) return;
    const current = this.ctx.documents.get(uri);
    // A newer version arrived meanwhile: its own job publishes it.
    if (!current || current.version !== version) return;
    const text = current.getText();
    const file = this.ctx.index.entry(uri, this.groupOf(uri));
    file.source = 'open';
    const started = performance.now();
    this.update(file, text, engine, version, batch, undefined, reason === 'change');
    const ended = performance.now();
    const timing = this.timingOf(uri);
    timing.costMs = ended - started;
    timing.analysedAt = ended;
  }

  /**
   * A file on disk changed (or a scan read it); open documents keep priority. With a batch,
   * nothing is published and workspace rules wait for `finishBatch` (scans run them once).
   */
  async refreshFromDisk(uri: string, text: string, batch?: Batch, refusal?: string): Promise<void> {
    const engine = await this.engineFor(uri);
    const file = this.ctx.index.entry(uri, this.groupOf(uri));
    if (file.source === 'open' && this.ctx.documents.get(uri)) return;
    const input = refusal === undefined && batch ? this.analysisInput(uri, engine) : undefined;
    if (input) {
      // Background work (start-up index, scans): a big file is analysed a few documents at a
      // time, and whatever the user opens or types meanwhile goes first.
      await warmAnalysisCache(input.name, text, engine.rules, input.options, file.cache, () => this.yieldToEditor(), BACKGROUND_SLICE_MS);
      if (file.source === 'open' && this.ctx.documents.get(uri)) return;
    }
    file.source = 'disk';
    this.update(file, text, engine, undefined, batch, refusal);
  }

  /**
   * Lets the editor's work go first. Some milliseconds of timer, not setImmediate: the event
   * loop must read stdin long enough for a whole message to arrive (the didOpen of a big file
   * comes in many pipe reads; 5 ms was measured too short) and dispatch it, and, once the
   * editor's job is done, write its publishDiagnostics before background work takes the thread again.
   */
  private async yieldToEditor(): Promise<void> {
    const tick = () => new Promise((resolve) => setTimeout(resolve, YIELD_TICK_MS));
    await tick();
    do {
      while (!this.scheduler.isIdle()) {
        await this.scheduler.whenIdle();
        await tick();
      }
      // The editor's job writes its publishDiagnostics from a setImmediate: after that one,
      // and after the message has left (a big one takes many pipe writes).
      await new Promise((resolve) => setImmediate(resolve));
      await whenOutputFlushed();
    } while (!this.scheduler.isIdle());
  }

  /** Like `refreshFromDisk` in a batch, with the analysis already done (by a scan worker). */
  async recordFromDisk(uri: string, text: string, analysis: FileAnalysis, batch: Batch): Promise<void> {
    const engine = await this.engineFor(uri);
    const file = this.ctx.index.entry(uri, this.groupOf(uri));
    if (file.source === 'open' && this.ctx.documents.get(uri)) return;
    file.source = 'disk';
    this.engines.set(uri, engine);
    this.ctx.index.record(file, text, analysis);
    if (this.ctx.index.isStale(file.group)) batch.groups.add(file.group);
    batch.uris.add(uri);
  }

  private update(
    file: IndexedFile,
    text: string,
    engine: EngineConfig,
    version: number | undefined,
    batch?: Batch,
    refusal?: string,
    deferWorkspace = false,
  ): void {
    this.engines.set(file.uri, engine);
    const analysis = refusal === undefined ? this.analyze(file.uri, text, engine, file) : refusedAnalysis(refusal);
    this.ctx.index.record(file, text, analysis, version);
    // Stale: this file's objects changed, or another file's did and the rules have not run since.
    const stale = this.ctx.index.isStale(file.group);
    if (batch) {
      batch.uris.add(file.uri);
      if (stale) batch.groups.add(file.group);
      return;
    }
    // Workspace rules run only when the set of objects changed, and never on the keystroke path.
    if (stale && deferWorkspace) this.deferWorkspaceRules(file.group, engine);
    else if (stale) {
      this.scheduler.cancel(workspaceJobKey(file.group));
      this.deferredEngines.delete(file.group);
    }
    const others = stale && !deferWorkspace ? this.runWorkspaceRules(file.group, engine) : new Set<string>();
    if (this.isShown(file.uri)) this.publish(file.uri);
    for (const other of others) if (other !== file.uri && this.isShown(other)) this.publish(other);
  }

  /**
   * Workspace rules over a group; returns the files whose cross-file findings changed, to be
   * published. The group's other published files keep their diagnostics but take the new
   * finding objects: the old ones' lazy fixes hold the YAML and text of the version the rules
   * ran on before, a second copy of every edited document (~12 MB for the bench's huge file).
   */
  private runWorkspaceRules(group: string, engine: EngineConfig): Set<string> {
    const changed = this.ctx.index.runWorkspaceRules(group, engine);
    for (const file of this.ctx.index.inGroup(group)) {
      // A file without cross-file findings had none before either (its signature is unchanged).
      if (!changed.has(file.uri) && this.ctx.index.findingsOf(file.uri).length > 0) this.takeCurrentFindings(file);
    }
    return changed;
  }

  /** The published record takes the file's current findings, when the client would show the very same diagnostics for them. */
  private takeCurrentFindings(file: IndexedFile): void {
    const shown = this.published.get(file.uri);
    // Published for another version: the analysis of the current one publishes it.
    if (!shown || shown.version !== file.version || shown.text !== file.text) return;
    const findings = this.findingsFor(file.uri, file.analysis, this.engines.get(file.uri));
    const diagnostics = toDiagnostics(findings, file.uri, shown);
    const same = diagnostics.length === shown.diagnostics.length && diagnostics.every((d, i) => d === shown.diagnostics[i]);
    // Otherwise the settings changed too, and the caller publishes the file anyway.
    if (same) this.published.set(file.uri, { ...shown, findings });
  }

  /** Workspace rules over the group once no keystroke arrived for a while (each keystroke restarts the wait). */
  private deferWorkspaceRules(group: string, engine: EngineConfig): void {
    this.deferredEngines.set(group, engine);
    this.scheduler.schedule(
      workspaceJobKey(group),
      async (signal) => {
        this.deferredEngines.delete(group);
        if (signal.aborted || !this.ctx.index.isStale(group)) return;
        this.republish(this.runWorkspaceRules(group, engine));
      },
      WORKSPACE_IDLE_MS,
    );
  }

  /** Code actions, hovers and commands must see current workspace findings: runs a waiting run now. */
  private runDeferredWorkspaceRules(group: string | undefined): void {
    if (group === undefined) return;
    const engine = this.deferredEngines.get(group);
    if (!engine) return;
    this.scheduler.cancel(workspaceJobKey(group));
    this.deferredEngines.delete(group);
    if (this.ctx.index.isStale(group)) this.republish(this.runWorkspaceRules(group, engine));
  }

  /** Runs workspace rules once per group the batch touched, then publishes what is shown. */
  async finishBatch(batch: Batch): Promise<void> {
    const toPublish = new Set(batch.uris);
    for (const group of batch.groups) {
      const engine = await this.engineForGroup(group);
      for (const uri of this.runWorkspaceRules(group, engine)) toPublish.add(uri);
    }
    this.republish(toPublish);
  }

  private engineForGroup(group: string): Promise<EngineConfig> {
    const member = this.ctx.index.inGroup(group)[0];
    return this.engineFor(group ? pathToUri(group) : member?.uri ?? pathToUri(process.cwd()));
  }

  analyze(uri: string, text: string, engine: EngineConfig, file?: IndexedFile): FileAnalysis | undefined {
    const input = this.analysisInput(uri, engine);
    return input && analyzeFile(input.name, text, engine.rules, input.options, file?.cache);
  }

  /** What `analyze` gives the engine for a file (scan workers get the same), or undefined when it skips it. */
  analysisInput(uri: string, engine: EngineConfig): { name: string; options: AnalyzeOptions } | undefined {
    if (!engine.settings.enable || isConfigFile(uri)) return undefined;
    const fsPath = uriToPath(uri);
    if (fsPath && isPathExcluded(engine, fsPath)) return undefined;
    const language = languageFor(uri, this.ctx.documents.get(uri)?.languageId);
    if (language === 'dockerfile') return { name: fsPath ?? uri, options: engine.dockerfileOptions };
    if (language !== 'kubernetes') return undefined;
    return { name: fsPath ?? uri, options: engine.options };
  }

  /** Per-file and workspace findings of a file, config suppressions applied, suppressed ones dropped. */
  findingsFor(uri: string, analysis: FileAnalysis | undefined, engine: EngineConfig | undefined): Finding[] {
    return this.allFindings(uri, analysis, engine).filter((f) => !f.suppressed);
  }

  /** Like `findingsFor`, but suppressed findings are kept and marked (reports list them). */
  allFindings(uri: string, analysis: FileAnalysis | undefined, engine: EngineConfig | undefined): WorkspaceFinding[] {
    if (!analysis || !engine) return [];
    const own: WorkspaceFinding[] = [...analysis.findings, ...this.ctx.index.findingsOf(uri)];
    if (engine.config.suppressions.length === 0) return own.sort(byPosition);
    // Config suppressions mark findings: mark copies, the cached analysis stays as the engine made it.
    const all = own.map(copyFinding);
    const fsPath = uriToPath(uri);
    applyConfigSuppressions(all, fsPath ? relativeToConfig(engine, fsPath) : uri, engine.config);
    return all.sort(byPosition);
  }

  /** Per-file findings of any text (fix-all passes), config suppressions applied, suppressed dropped. */
  fileFindings(uri: string, text: string, engine: EngineConfig): Finding[] {
    const analysis = this.analyze(uri, text, engine);
    if (!analysis) return [];
    const findings = analysis.findings.map(copyFinding);
    const fsPath = uriToPath(uri);
    applyConfigSuppressions(findings, fsPath ? relativeToConfig(engine, fsPath) : uri, engine.config);
    return findings.filter((f) => !f.suppressed);
  }

  /** The Kubernetes object at a document index of the file's latest analysis. */
  objectOf(uri: string, documentIndex: number): AnalyzedObject | undefined {
    return this.ctx.index.get(uri)?.analysis?.objects.find((o) => o.documentIndex === documentIndex);
  }

  engineOf(uri: string): EngineConfig | undefined {
    return this.engines.get(uri);
  }

  async engineFor(uri: string): Promise<EngineConfig> {
    const fsPath = uriToPath(uri);
    // Untitled buffers follow the first folder's policy; with no folder, the defaults apply.
    const folder = fsPath ? this.ctx.folders.folderOf(fsPath) || path.dirname(fsPath) : (this.ctx.folders.all()[0] ?? NO_FOLDER);
    const settings = await this.ctx.settings.get(uri);
    return this.ctx.configs.engineFor(folder, settings);
  }

  groupOf(uri: string): string {
    const fsPath = uriToPath(uri);
    return fsPath ? this.ctx.folders.folderOf(fsPath) : '';
  }

  // --- publishing ------------------------------------------------------------------

  isShown(uri: string): boolean {
    return this.ctx.documents.get(uri) !== undefined || this.scanned.has(uri);
  }

  publish(uri: string): void {
    const file = this.ctx.index.get(uri);
    if (!file) return;
    const engine = this.engines.get(uri);
    const findings = this.findingsFor(uri, file.analysis, engine);
    const diagnostics = toDiagnostics(findings, uri, this.published.get(uri));
    this.published.set(uri, { version: file.version, text: file.text, findings, engine, diagnostics });
    void this.ctx.connection.sendDiagnostics({ uri, version: file.version, diagnostics });
  }

  clear(uri: string): void {
    this.published.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Drops a file from the index (deleted, or a closed file outside the workspace). */
  forget(uri: string): void {
    const group = this.ctx.index.get(uri)?.group;
    const engine = this.engines.get(uri);
    const hadObjects = this.ctx.index.remove(uri);
    this.engines.delete(uri);
    this.scanned.delete(uri);
    this.clear(uri);
    if (hadObjects && group !== undefined && engine) this.republish(this.runWorkspaceRules(group, engine));
  }

  republish(uris: Iterable<string>): void {
    for (const uri of uris) if (this.isShown(uri)) this.publish(uri);
  }

  /**
   * Settings or config changed: every analysed file is analysed again with its new config, in
   * one batch, so no file is ever published with old per-file and new cross-file findings.
   */
  revalidateAll(): Promise<void> {
    // Serialised and coalesced: a run that started with old settings never publishes last.
    if (this.revalidation) {
      this.revalidateAgain = true;
      return this.revalidation;
    }
    this.revalidation = (async () => {
      do {
        this.revalidateAgain = false;
        await this.revalidateOnce();
      } while (this.revalidateAgain);
    })().finally(() => {
      this.revalidation = undefined;
    });
    return this.revalidation;
  }

  private async revalidateOnce(): Promise<void> {
    this.ctx.configs.clear();
    await this.configDiagnostics.publishLoaded();
    const batch = newBatch();
    const uris = new Set([...this.ctx.index.uris(), ...this.ctx.documents.all().map((d) => d.uri)]);
    for (const uri of uris) {
      const doc = this.ctx.documents.get(uri);
      if (doc) {
        if (isConfigFile(uri) || !languageFor(uri, doc.languageId)) continue;
        this.scheduler.cancel(uri);
        await this.validateOpen(uri, 'refresh', new AbortController().signal, batch);
      } else {
        const file = this.ctx.index.get(uri);
        if (file) await this.refreshFromDisk(uri, file.text, batch);
      }
    }
    await this.finishBatch(batch);
  }
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end;
}

/** A file too large to read still shows up, with the reason, never as a clean file. */
function refusedAnalysis(message: string): FileAnalysis {
  const origin = { line: 0, character: 0 };
  const finding: Finding = {
    ruleId: FILE_NOT_ANALYZED.id,
    severity: FILE_NOT_ANALYZED.severity,
    message,
    start: 0,
    end: 0,
    range: { start: origin, end: origin },
    documentIndex: 0,
    path: '',
  };
  return { language: 'kubernetes', documentCount: 0, objects: [], findings: [finding] };
}

export interface Batch {
  groups: Set<string>;
  uris: Set<string>;
}

export function newBatch(): Batch {
  return { groups: new Set(), uris: new Set() };
}

export async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
