/**
 * Runs workspace rules (rules that look across objects and files) over the objects that
 * per-file analysis found. The language server calls it after each change with its index;
 * the CLI calls it once with every scanned file, so both report the same findings.
 */
import type { AnalyzedObject, FileAnalysis, ResolvedRule } from './analyze';
import { objectRef } from './kubernetes/object';
import type { Rule, RuleOptions, WorkspaceObject, WorkspaceRule } from './rule';
import { annotationDirective, CommentSuppressions, matchesDirective, toSuppression } from './suppression';
import { lineIndexOf, type LineIndex } from './text';
import type { Finding, RelatedLocation, Severity } from './types';
import { formatPath, highlightRange, type NodeRef } from './yaml/nav';
import { INTERNAL_ERROR } from './builtin';
import { pendingChanges, withChanges } from './changes';
import { splitYamlDocuments } from './yaml/parse';

export interface WorkspaceFile {
  /** Path or URI; findings come back keyed by it. */
  file: string;
  text: string;
  analysis: Pick<FileAnalysis, 'objects'>;
}

/** A related location in another file than the finding's. */
export interface CrossFileRelated extends RelatedLocation {
  file: string;
}

export type WorkspaceFinding = Finding & { crossFileRelated?: CrossFileRelated[] };

interface IndexedObject extends WorkspaceObject {
  offset: number;
  lines: () => LineIndex;
  comments: () => CommentSuppressions;
}

/** The kinds whose YAML nodes the workspace rules among `rules` read (see WorkspaceRule.reads). */
export function kindsReadAcrossFiles(rules: readonly Rule[]): ReadonlySet<string> {
  return new Set(rules.flatMap((r) => (r.language === 'kubernetes-workspace' ? r.reads : [])));
}

export function analyzeWorkspace(
  files: readonly WorkspaceFile[],
  rules: readonly ResolvedRule[],
  options: RuleOptions,
): Map<string, WorkspaceFinding[]> {
  const workspaceRules = rules.filter((r): r is { rule: WorkspaceRule; severity: Severity } => r.rule.language === 'kubernetes-workspace');
  const out = new Map<string, WorkspaceFinding[]>();
  if (workspaceRules.length === 0) return out;
  const objects = indexObjects(files);
  for (const { rule, severity } of workspaceRules) {
    try {
      rule.check({ objects, options, report: (target, report) => place(out, rule, severity, target as IndexedObject, report) });
    } catch (error) {
      const first = objects[0];
      if (!first) continue;
      push(out, first.file, {
        ruleId: INTERNAL_ERROR.id,
        severity: INTERNAL_ERROR.severity,
        message: `Rule ${rule.meta.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        start: 0,
        end: 0,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        documentIndex: 0,
        path: '',
      });
    }
  }
  return out;
}

function indexObjects(files: readonly WorkspaceFile[]): IndexedObject[] {
  const objects: IndexedObject[] = [];
  for (const f of files) {
    let lines: LineIndex | undefined;
    let comments: CommentSuppressions | undefined;
    const lazyLines = () => (lines ??= lineIndexOf(f.text));
    const lazyComments = () => (comments ??= new CommentSuppressions(f.text));
    let segments: Map<number, string> | undefined;
    const segmentAt = (offset: number) => (segments ??= new Map(splitYamlDocuments(f.text).map((s) => [s.start, s.text]))).get(offset);
    for (const o of f.analysis.objects as readonly AnalyzedObject[]) {
      objects.push({
        file: f.file,
        documentIndex: o.documentIndex,
        object: o.object,
        offset: o.offset,
        lines: lazyLines,
        comments: lazyComments,
        get text() {
          return segmentAt(o.offset);
        },
      });
    }
  }
  return objects;
}

function locate(target: IndexedObject, at: NodeRef): { start: number; end: number } {
  const [start, end] = highlightRange(at);
  return { start: start + target.offset, end: end + target.offset };
}

function place(
  out: Map<string, WorkspaceFinding[]>,
  rule: WorkspaceRule,
  severity: Severity,
  target: IndexedObject,
  report: Parameters<Parameters<WorkspaceRule['check']>[0]['report']>[1],
): void {
  const { start, end } = locate(target, report.at);
  const range = target.lines().rangeAt(start, end);
  const finding: WorkspaceFinding = {
    ruleId: rule.meta.id,
    severity,
    message: report.message,
    start,
    end,
    range,
    documentIndex: target.documentIndex,
    path: formatPath(report.at.path),
    object: objectRef(target.object),
  };
  addRelated(finding, target, report);
  const directive = annotationDirective(target.object.annotations);
  if (directive && matchesDirective(directive, rule.meta.id)) finding.suppressed = toSuppression('annotation', directive);
  else {
    const byComment = target.comments().find(rule.meta.id, range.start.line);
    if (byComment) finding.suppressed = byComment;
  }
  push(out, target.file, withChanges(finding, pendingChanges(report), target.offset));
}

function addRelated(finding: WorkspaceFinding, target: IndexedObject, report: Parameters<Parameters<WorkspaceRule['check']>[0]['report']>[1]): void {
  for (const rel of report.related ?? []) {
    const owner = (rel.in as IndexedObject | undefined) ?? target;
    const { start, end } = locate(owner, rel.at);
    const range = owner.lines().rangeAt(start, end);
    if (owner.file === target.file) (finding.related ??= []).push({ start, end, range, message: rel.message });
    else (finding.crossFileRelated ??= []).push({ file: owner.file, start, end, range, message: rel.message });
  }
}

function push(out: Map<string, WorkspaceFinding[]>, file: string, finding: WorkspaceFinding): void {
  const list = out.get(file);
  if (list) list.push(finding);
  else out.set(file, [finding]);
}
