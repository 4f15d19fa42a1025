/**
 * The data flow of the editor, in one place:
 *
 *   didOpen/didChange/didSave -> debounce per URI (a newer version aborts older work)
 *     -> analyse the buffer with the document's AnalysisCache (only changed YAML documents
 *        are analysed again) -> update the workspace index
 *     -> when the file's objects changed: workspace rules over the folder, and republish the
 *        other files whose cross-file findings changed
 *     -> config suppressions -> versioned publishDiagnostics.
 *
 * Which files get diagnostics: open documents, plus every file of a workspace scan.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeFile, languageOf, type AnalyzedObject, type FileAnalysis } from '../../../rules/engine/analyze';
import { applyConfigSuppressions, CONFIG_FILE_NAMES, parseConfig } from '../../../rules/engine/config';
import type { Finding, Language } from '../../../rules/engine/types';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';
import { RULE_IDS } from '../../../rules/index';
import type { IndexedFile, WorkspaceIndex } from '../workspace/index';
import { configProblemDiagnostic, toDiagnostics } from './diagnostics';
import { isPathExcluded, relativeToConfig, type ConfigStore, type EngineConfig } from './engine-config';
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
}

const DEBOUNCE_MS = 150;
const KUBERNETES_HINT = /^[ \t-]*kind[ \t]*:/m;
const API_VERSION_HINT = /apiVersion[ \t]*:/;

/** A cheap test that keeps non-Kubernetes YAML (CI files, compose files) almost free. */
export function looksLikeKubernetes(text: string): boolean {
  return KUBERNETES_HINT.test(text) && API_VERSION_HINT.test(text);
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
  private readonly engines = new Map<string, EngineConfig>();
  /** Files shown because a workspace scan covered them (open files are always shown). */
  readonly scanned = new Set<string>();
  private configDiagnostics = new Set<string>();

  constructor(private readonly ctx: ValidatorContext) {
    this.scheduler = new Scheduler(DEBOUNCE_MS, (uri, error) =>
      ctx.connection.console.error(`Palisade: analysing ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`),
    );
  }

  // --- document events -------------------------------------------------------------

  request(doc: TextDocument, reason: Reason): void {
    if (isConfigFile(doc.uri)) {
      this.publishConfigBuffer(doc);
      return;
    }
    if (!languageFor(doc.uri, doc.languageId)) return;
    const delay = reason === 'change' ? DEBOUNCE_MS : 0;
    this.scheduler.schedule(doc.uri, (signal) => this.validateOpen(doc.uri, reason, signal), delay);
  }

  async close(uri: string): Promise<void> {
    this.scheduler.cancel(uri);
    if (isConfigFile(uri)) {
      await this.publishConfigProblems();
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

  private async validateOpen(uri: string, reason: Reason, signal: AbortSignal): Promise<void> {
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    const engine = await this.engineFor(uri);
    if (signal.aborted) return;
    if (reason === 'change' && engine.settings.run === 'onSave') return;
    // Saving a buffer that was analysed as typed changes nothing.
    if (reason === 'save' && engine.settings.run === 'onType' && this.published.get(uri)?.version === doc.version) return;
    const current = this.ctx.documents.get(uri);
    if (!current || current.version !== doc.version) return;
    const text = doc.getText();
    const file = this.ctx.index.entry(uri, this.groupOf(uri));
    file.source = 'open';
    this.update(file, text, engine, doc.version);
  }

  /**
   * A file on disk changed (or a scan read it); open documents keep priority. With a batch,
   * nothing is published and workspace rules wait for `finishBatch` (scans run them once).
   */
  async refreshFromDisk(uri: string, text: string, batch?: Batch): Promise<void> {
    const engine = await this.engineFor(uri);
    const file = this.ctx.index.entry(uri, this.groupOf(uri));
    if (file.source === 'open' && this.ctx.documents.get(uri)) return;
    file.source = 'disk';
    this.update(file, text, engine, undefined, batch);
  }

  private update(file: IndexedFile, text: string, engine: EngineConfig, version: number | undefined, batch?: Batch): void {
    this.engines.set(file.uri, engine);
    const analysis = this.analyze(file.uri, text, engine, file);
    const objectsChanged = this.ctx.index.record(file, text, analysis, version);
    if (batch) {
      batch.uris.add(file.uri);
      if (objectsChanged) batch.groups.add(file.group);
      return;
    }
    // Workspace rules run only when the set of objects changed, never on every keystroke.
    const others = objectsChanged ? this.ctx.index.runWorkspaceRules(file.group, engine) : new Set<string>();
    if (this.isShown(file.uri)) this.publish(file.uri);
    for (const other of others) if (other !== file.uri && this.isShown(other)) this.publish(other);
  }

  /** Runs workspace rules once per group the batch touched, then publishes what is shown. */
  async finishBatch(batch: Batch): Promise<void> {
    const toPublish = new Set(batch.uris);
    for (const group of batch.groups) {
      const engine = await this.engineForGroup(group);
      for (const uri of this.ctx.index.runWorkspaceRules(group, engine)) toPublish.add(uri);
    }
    this.republish(toPublish);
  }

  private engineForGroup(group: string): Promise<EngineConfig> {
    const member = this.ctx.index.inGroup(group)[0];
    return this.engineFor(group ? pathToUri(group) : member?.uri ?? pathToUri(process.cwd()));
  }

  analyze(uri: string, text: string, engine: EngineConfig, file?: IndexedFile): FileAnalysis | undefined {
    if (!engine.settings.enable || isConfigFile(uri)) return undefined;
    const fsPath = uriToPath(uri);
    if (fsPath && isPathExcluded(engine, fsPath)) return undefined;
    const language = languageFor(uri, this.ctx.documents.get(uri)?.languageId);
    if (language === 'dockerfile') return analyzeFile(fsPath ?? uri, text, engine.rules, engine.dockerfileOptions);
    if (language !== 'kubernetes' || !looksLikeKubernetes(text)) return undefined;
    return analyzeFile(fsPath ?? uri, text, engine.rules, engine.options, file?.cache);
  }

  /** Per-file and workspace findings of a file, config suppressions applied, suppressed ones dropped. */
  findingsFor(uri: string, analysis: FileAnalysis | undefined, engine: EngineConfig | undefined): Finding[] {
    return this.allFindings(uri, analysis, engine).filter((f) => !f.suppressed);
  }

  /** Like `findingsFor`, but suppressed findings are kept and marked (reports list them). */
  allFindings(uri: string, analysis: FileAnalysis | undefined, engine: EngineConfig | undefined): WorkspaceFinding[] {
    if (!analysis || !engine) return [];
    const all: WorkspaceFinding[] = [...analysis.findings, ...this.ctx.index.findingsOf(uri)].map((f) => ({ ...f }));
    const fsPath = uriToPath(uri);
    applyConfigSuppressions(all, fsPath ? relativeToConfig(engine, fsPath) : uri, engine.config);
    return all.sort((a, b) => a.start - b.start || a.end - b.end);
  }

  /** Per-file findings of any text (fix-all passes), config suppressions applied, suppressed dropped. */
  fileFindings(uri: string, text: string, engine: EngineConfig): Finding[] {
    const analysis = this.analyze(uri, text, engine);
    if (!analysis) return [];
    const findings = analysis.findings.map((f) => ({ ...f }));
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
    const folder = fsPath ? this.ctx.folders.folderOf(fsPath) || path.dirname(fsPath) : process.cwd();
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
    this.published.set(uri, { version: file.version, text: file.text, findings, engine });
    const textOf = (other: string) => this.ctx.index.get(other)?.text;
    const diagnostics = toDiagnostics(findings, uri, file.text, textOf);
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
    if (hadObjects && group !== undefined && engine) this.republish(this.ctx.index.runWorkspaceRules(group, engine));
  }

  republish(uris: Iterable<string>): void {
    for (const uri of uris) if (this.isShown(uri)) this.publish(uri);
  }

  /** Settings or config changed: every analysed file is analysed again with its new config. */
  async revalidateAll(): Promise<void> {
    this.ctx.configs.clear();
    await this.publishConfigProblems();
    const batch = newBatch();
    for (const uri of this.ctx.index.uris()) {
      const doc = this.ctx.documents.get(uri);
      if (doc) this.request(doc, 'refresh');
      else await this.refreshFromDisk(uri, this.ctx.index.get(uri)!.text, batch);
    }
    await this.finishBatch(batch);
    for (const doc of this.ctx.documents.all()) if (!this.ctx.index.get(doc.uri)) this.request(doc, 'refresh');
  }

  // --- .palisade.yaml ----------------------------------------------------------------

  /** Problems of every config file in use, published on the config file itself. */
  async publishConfigProblems(): Promise<void> {
    const folders = this.ctx.folders.all();
    await Promise.all(folders.map((f) => this.ctx.configs.load(f)));
    const problems = await this.ctx.configs.problems();
    const now = new Set<string>();
    for (const [file, list] of problems) {
      const uri = this.openUriFor(file);
      now.add(uri);
      if (this.ctx.documents.get(uri)) continue; // the buffer's own problems are shown instead
      void this.ctx.connection.sendDiagnostics({ uri, diagnostics: list.map(configProblemDiagnostic) });
    }
    for (const uri of this.configDiagnostics) {
      if (!now.has(uri)) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.configDiagnostics = now;
  }

  /** An open config file is checked as you type, before it is saved and applied. */
  private publishConfigBuffer(doc: TextDocument): void {
    const { errors } = parseConfig(doc.getText(), RULE_IDS);
    const file = uriToPath(doc.uri) ?? doc.uri;
    const diagnostics = errors.map((e) => configProblemDiagnostic({ file, ...e }));
    this.configDiagnostics.add(doc.uri);
    void this.ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  private openUriFor(file: string): string {
    const doc = this.ctx.documents.all().find((d) => uriToPath(d.uri) === file);
    return doc?.uri ?? pathToUri(file);
  }
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
