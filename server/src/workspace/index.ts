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
import { AnalysisCache, shiftRange, type AnalyzedObject, type FileAnalysis, type ResolvedRule } from '../../../rules/engine/analyze';
import { withoutChanges } from '../../../rules/engine/changes';
import type { RuleOptions } from '../../../rules/engine/rule';
import type { RelatedLocation } from '../../../rules/engine/types';
import { analyzeWorkspace, type WorkspaceFinding } from '../../../rules/engine/workspace';

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

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private readonly workspaceFindings = new Map<string, readonly WorkspaceFinding[]>();
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

  /** The entry for a file, created empty if needed (its cache lives as long as the entry). */
  entry(uri: string, group: string): IndexedFile {
    let file = this.files.get(uri);
    if (!file) {
      file = { uri, group, text: '', source: 'disk', cache: new AnalysisCache() };
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
    file.text = text;
    file.version = version;
    file.analysis = analysis;
    const changed = before.length !== after.length || before.some((o, i) => o.object !== after[i].object || o.offset !== after[i].offset);
    if (changed) {
      this.staleGroups.add(file.group);
      this.carryOver(file.uri, before, after);
    }
    return changed;
  }

  /**
   * Until workspace rules run again, a file keeps the workspace findings of its unchanged
   * documents, moved to where those documents are now; findings in changed documents go.
   * A document is unchanged when the analysis reused its object (the cache is keyed by text).
   * Fixes are dropped: code actions flush, which runs the rules again first.
   */
  private carryOver(uri: string, before: readonly AnalyzedObject[], after: readonly AnalyzedObject[]): void {
    const old = this.workspaceFindings.get(uri);
    if (!old || old.length === 0) return;
    const moved = new Map<number, Shift>();
    const newPlace = new Map(after.map((o) => [o.object, o]));
    for (const o of before) {
      const now = newPlace.get(o.object);
      if (now) moved.set(o.offset, { delta: now.offset - o.offset, lines: now.line - o.line, documentIndex: now.documentIndex - o.documentIndex });
    }
    // Segment starts of the old layout, ascending: a location belongs to the last one at or before it.
    const starts = [...new Set(before.map((o) => o.offset))].sort((a, b) => a - b);
    const shiftOf = (offset: number) => moved.get(segmentStart(starts, offset));
    const kept: WorkspaceFinding[] = [];
    for (const f of old) {
      const shift = shiftOf(f.start);
      const related = f.related?.map((r) => ({ r, shift: shiftOf(r.start) }));
      if (!shift || related?.some((x) => !x.shift)) continue;
      kept.push(isStill(shift, related) ? f : shifted(f, shift, related));
    }
    this.workspaceFindings.set(uri, kept);
    this.signatures.set(uri, signature(kept));
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
      if ((this.signatures.get(file.uri) ?? '') !== now) changed.add(file.uri);
      this.signatures.set(file.uri, now);
      this.workspaceFindings.set(file.uri, findings);
    }
    for (const listener of this.ruleRunListeners) listener(group);
    return changed;
  }
}

/** Offsets move when text before them changes length; lines only when lines were added or removed. */
interface Shift {
  delta: number;
  lines: number;
  documentIndex: number;
}

/**
 * Binary search: the last segment start at or before `offset`. Runs for every workspace
 * finding of the file on every keystroke that changes an object.
 */
function segmentStart(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= offset) {
      found = starts[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function isStill(shift: Shift, related: Array<{ shift?: Shift }> | undefined): boolean {
  const still = (s: Shift | undefined) => s !== undefined && s.delta === 0 && s.lines === 0 && s.documentIndex === 0;
  return still(shift) && (related ?? []).every((x) => still(x.shift));
}

function shifted(f: WorkspaceFinding, shift: Shift, related: Array<{ r: RelatedLocation; shift?: Shift }> | undefined): WorkspaceFinding {
  // Without the lazy fix: it was computed for the old offsets.
  const copy = withoutChanges(f);
  copy.start = f.start + shift.delta;
  copy.end = f.end + shift.delta;
  copy.range = shiftRange(f.range, shift.lines);
  copy.documentIndex = f.documentIndex + shift.documentIndex;
  if (related) {
    copy.related = related.map(({ r, shift: s }) => ({ ...r, start: r.start + s!.delta, end: r.end + s!.delta, range: shiftRange(r.range, s!.lines) }));
  }
  return copy;
}

function signature(findings: readonly WorkspaceFinding[]): string {
  return findings.length === 0 ? '' : JSON.stringify(findings.map(signatureOf));
}

function signatureOf(f: WorkspaceFinding): unknown[] {
  return [f.ruleId, f.start, f.end, f.message, f.severity, f.suppressed?.via, f.related, f.crossFileRelated];
}
