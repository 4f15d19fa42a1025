/**
 * The workspace index: every analysed file of the workspace (open documents and files on disk)
 * with its per-file analysis and the Kubernetes objects it holds. Workspace rules run over it.
 *
 * Open documents take priority: while a file is open, disk events for it are ignored and its
 * entry follows the buffer. Files are grouped (by workspace folder) because each folder has
 * its own policy, and workspace rules look only within a group.
 *
 * Nothing here knows LSP: files are keyed by URI strings, and the caller decides what to publish.
 */
import { AnalysisCache, shiftRange, type FileAnalysis, type ResolvedRule } from '../../../rules/engine/analyze';
import { withoutChanges } from '../../../rules/engine/changes';
import type { RuleOptions } from '../../../rules/engine/rule';
import { changedSpan, lineIndexOf, type ChangedSpan, type LineIndex } from '../../../rules/engine/text';
import type { Range, RelatedLocation } from '../../../rules/engine/types';
import { analyzeWorkspace, kindsReadAcrossFiles, type WorkspaceFinding } from '../../../rules/engine/workspace';
import { RULES } from '../../../rules/index';

export type FileSource = 'open' | 'disk';

export interface IndexedFile {
  uri: string;
  group: string;
  text: string;
  /** Document version for open files. */
  version?: number;
  source: FileSource;
  /** Undefined when the file is not analysed (not Kubernetes, excluded, disabled). */
  analysis?: FileAnalysis;
  /** Reused across edits so only changed documents are analysed again. */
  readonly cache: AnalysisCache;
}

export interface WorkspacePolicy {
  rules: readonly ResolvedRule[];
  options: RuleOptions;
}

const EMPTY: readonly WorkspaceFinding[] = [];

const KEEP_NODES_OF = kindsReadAcrossFiles(RULES);

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly workspaceFindings = new Map<string, readonly WorkspaceFinding[]>();
  /**
   * The signature of each file's workspace findings as the rules last left them. An edit that
   * moves the findings drops it: it is worked out from the moved findings only when the rules
   * run again (lastSignature), not on every keystroke.
   */
  private readonly signatures = new Map<string, string>();
  private readonly ruleRunListeners: Array<(group: string) => void> = [];
  /** Groups whose objects changed since workspace rules last ran over them. */
  private readonly staleGroups = new Set<string>();

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  inGroup(group: string): IndexedFile[] {
    return [...this.files.values()].filter((f) => f.group === group);
  }

  groups(): Set<string> {
    return new Set([...this.files.values()].map((f) => f.group));
  }

  /**
   * The entry for a file, created empty if needed. Its cache lives as long as the entry, so it
   * keeps the YAML nodes only of the kinds workspace rules read: on a workspace of 1,900 real
   * manifests that took the index from ~330 to ~110 MB (the rest is mostly CRDs, which nothing
   * reads again unless the user asks for a code action in one).
   */
  entry(uri: string, group: string): IndexedFile {
    let file = this.files.get(uri);
    if (!file) {
      file = { uri, group, text: '', source: 'disk', cache: new AnalysisCache(KEEP_NODES_OF) };
      this.files.set(uri, file);
    }
    file.group = group;
    return file;
  }

  /**
   * Records a new analysis. Returns true when the file's objects changed (other objects, or the
   * same objects moved), which is when workspace rules must run again.
   */
  record(file: IndexedFile, text: string, analysis: FileAnalysis | undefined, version?: number): boolean {
    const before = file.analysis?.objects ?? [];
    const after = analysis?.objects ?? [];
    const changed = before.length !== after.length || before.some((o, i) => o.object !== after[i].object || o.offset !== after[i].offset);
    if (changed) {
      this.staleGroups.add(file.group);
      const documents = (analysis?.documentCount ?? 0) - (file.analysis?.documentCount ?? 0);
      this.carryOver(file.uri, editBetween(file.text, text, documents), text);
    }
    file.text = text;
    file.version = version;
    file.analysis = analysis;
    return changed;
  }

  /**
   * Until workspace rules run again (they wait for typing to pause), a file keeps its workspace
   * findings, moved by the edit like an editor moves its markers: those before the edited span
   * stay, those after it move with the text, those overlapping it go. So a finding elsewhere in
   * the document being typed in does not flicker off and on. Moved findings lose their lazy
   * fix (it was built for the old offsets): code actions run the rules again first anyway.
   */
  private carryOver(uri: string, edit: TextChange, text: string): void {
    const old = this.workspaceFindings.get(uri);
    if (!old || old.length === 0) return;
    const kept: WorkspaceFinding[] = [];
    let lines: LineIndex | undefined;
    const newRange = (start: number, end: number) => (lines ??= lineIndexOf(text)).rangeAt(start, end);
    for (const f of old) {
      const moved = moveFinding(f, edit, newRange);
      if (moved) kept.push(moved);
    }
    this.workspaceFindings.set(uri, kept);
    this.signatures.delete(uri);
  }

  /**
   * True when workspace rules must run over the group before its findings are published: its
   * objects changed since they last ran, by this file or by another one (e.g. a startup index
   * that recorded files but has not run the rules yet when a scan reads the same files).
   */
  isStale(group: string): boolean {
    return this.staleGroups.has(group);
  }

  /** Removes a file; true when it held objects (workspace rules must run again). */
  remove(uri: string): boolean {
    const file = this.files.get(uri);
    this.files.delete(uri);
    this.workspaceFindings.delete(uri);
    this.signatures.delete(uri);
    const hadObjects = (file?.analysis?.objects.length ?? 0) > 0;
    if (file && hadObjects) this.staleGroups.add(file.group);
    return hadObjects;
  }

  findingsOf(uri: string): readonly WorkspaceFinding[] {
    return this.workspaceFindings.get(uri) ?? EMPTY;
  }

  /**
   * Called after workspace rules ran over a group, which is whenever the group's objects
   * changed (an edit, a file on disk, a removal): what is computed from them (CodeLenses) is stale.
   */
  onDidRunWorkspaceRules(listener: (group: string) => void): void {
    this.ruleRunListeners.push(listener);
  }

  /**
   * Runs the workspace rules over one group and returns the files whose workspace findings
   * changed, so only those are published again.
   */
  runWorkspaceRules(group: string, policy: WorkspacePolicy): Set<string> {
    this.staleGroups.delete(group);
    const members = this.inGroup(group).filter((f) => f.analysis && f.analysis.objects.length > 0);
    const results = analyzeWorkspace(
      members.map((f) => ({ file: f.uri, text: f.text, analysis: f.analysis! })),
      policy.rules,
      policy.options,
    );
    const changed = new Set<string>();
    for (const file of this.inGroup(group)) {
      const findings = results.get(file.uri) ?? EMPTY;
      const now = signature(findings);
      if (this.lastSignature(file.uri) !== now) changed.add(file.uri);
      this.signatures.set(file.uri, now);
      this.workspaceFindings.set(file.uri, findings);
    }
    for (const listener of this.ruleRunListeners) listener(group);
    return changed;
  }

  private lastSignature(uri: string): string {
    return this.signatures.get(uri) ?? signature(this.findingsOf(uri));
  }
}

/** One contiguous replacement that turns the old text into the new one. */
export interface TextChange extends ChangedSpan {
  /** Line breaks added (negative: removed) and documents added by the change. */
  lines: number;
  documents: number;
  /** Old offset where the change's last line ends: text up to there also moved sideways. */
  lastLineEnd: number;
}

/**
 * The smallest single change between two texts (common prefix and suffix): on a keystroke,
 * exactly the typed span. A \r next to the change could merge with or split a line break, so
 * then the change is widened to the whole text and nothing after it is kept.
 */
export function editBetween(before: string, after: string, documents: number): TextChange {
  const { start, oldEnd, newEnd } = changedSpan(before, after);
  if ([before[start - 1], before[oldEnd - 1], before[oldEnd], after[newEnd - 1]].includes('\r')) {
    return { start, oldEnd: before.length, newEnd: after.length, lines: 0, documents, lastLineEnd: before.length };
  }
  const lines = lineBreaks(after, start, newEnd) - lineBreaks(before, start, oldEnd);
  const lineEnd = before.indexOf('\n', oldEnd);
  return { start, oldEnd, newEnd, lines, documents, lastLineEnd: lineEnd === -1 ? before.length : lineEnd };
}

/** Line breaks in text[from, to), counted as LineIndex counts them (\n, \r\n, a lone \r). */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

type Located = { start: number; end: number; range: Range };
export type NewRange = (start: number, end: number) => Range;

/** Where a location is after the change: the same object when before it, undefined when the change touched it. */
function moveLocation<T extends Located>(at: T, edit: TextChange, newRange: NewRange): T | undefined {
  // Touching counts: typing right before or after a value changes that value.
  if (at.end < edit.start) return at;
  if (at.start <= edit.oldEnd) return undefined;
  const delta = edit.newEnd - edit.oldEnd;
  const sideways = at.start <= edit.lastLineEnd;
  // Replacing text by text of the same length on other lines (a tag typed over) moves nothing.
  if (delta === 0 && edit.lines === 0 && !sideways) return at;
  const start = at.start + delta;
  const end = at.end + delta;
  // On the change's last line the characters moved too: measure again (rare, so the whole-text index is fine).
  const range = sideways ? newRange(start, end) : shiftRange(at.range, edit.lines);
  return { ...at, start, end, range };
}

export function moveFinding(f: WorkspaceFinding, edit: TextChange, newRange: NewRange): WorkspaceFinding | undefined {
  const here = moveLocation(f, edit, newRange);
  if (!here) return undefined;
  const related = f.related?.map((r) => moveLocation(r, edit, newRange));
  if (related?.some((r) => r === undefined)) return undefined;
  const still = here === f && (related ?? []).every((r, i) => r === f.related![i]);
  if (still && (f.start < edit.oldEnd || edit.documents === 0)) return f;
  // Without the lazy fix: it was built for the old offsets.
  const copy = withoutChanges(f);
  copy.start = here.start;
  copy.end = here.end;
  copy.range = here.range;
  if (f.start >= edit.oldEnd) copy.documentIndex = f.documentIndex + edit.documents;
  if (related) copy.related = related as RelatedLocation[];
  return copy;
}

function signature(findings: readonly WorkspaceFinding[]): string {
  return findings.length === 0 ? '' : JSON.stringify(findings.map(signatureOf));
}

function signatureOf(f: WorkspaceFinding): unknown[] {
  return [f.ruleId, f.start, f.end, f.message, f.severity, f.suppressed?.via, f.related, f.crossFileRelated];
}
