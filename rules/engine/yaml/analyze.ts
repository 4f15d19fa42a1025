/**
 * Runs Kubernetes rules over one YAML segment (usually one document). The result uses
 * offsets relative to the segment, so it can be cached by the segment's text and reused,
 * only shifted, when an edit elsewhere in the file moves it.
 */
import { FILE_NOT_ANALYZED, INTERNAL_ERROR, PARSE_ERROR, TEMPLATE_NOT_ANALYZED } from '../builtin';
import { detachedObject, factsOf } from '../kubernetes/detached';
import { readKubernetesObject, objectRef, type K8sObject } from '../kubernetes/object';
import type { KubernetesReport, KubernetesRule, RuleOptions } from '../rule';
import { pendingChanges, rederivedChanges, type PendingChanges } from '../changes';
import { annotationDirective, matchesDirective, toSuppression } from '../suppression';
import { LineIndex } from '../text';
import type { ObjectRef, Range, RelatedLocation, Severity, Suppression } from '../types';
import { AliasBudgetExceeded, DocumentScope, formatPath, highlightRange, type NodeRef } from './nav';
import { parseSegment, type ParsedSegment, type YamlProblem } from './parse';

export interface ResolvedKubernetesRule {
  rule: KubernetesRule;
  severity: Severity;
}

/** A finding before it is placed in the file: offsets and lines relative to its segment. */
export interface SegmentFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Lines counted from the segment's first line; characters are columns (segments start a line). */
  range: Range;
  /** Index of the document within the segment (almost always 0). */
  documentInSegment: number;
  path: string;
  object?: ObjectRef;
  related?: RelatedLocation[];
  /** The rule's fix and suggestions, computed when first asked for. */
  changes?: PendingChanges;
  suppressed?: Suppression;
}

export interface SegmentObject {
  documentInSegment: number;
  object: K8sObject;
}

/** A finding as rules and the runner report it, before its lines are known. */
type UnlocatedFinding = Omit<SegmentFinding, 'range' | 'related'> & { related?: Array<Omit<RelatedLocation, 'range'>> };

export interface SegmentAnalysis {
  /** The text analysed: a cache reuses this very string for the segment (see AnalysisCache.own). */
  text: string;
  documentCount: number;
  findings: SegmentFinding[];
  objects: SegmentObject[];
  /** True when the segment failed to parse because of template directives. */
  isTemplate: boolean;
}

/**
 * `keepNodesOf`: when given, objects of other kinds come back detached (kubernetes/detached.ts)
 * and their findings' fixes are worked out again from the text when first asked for, so the
 * segment's parsed YAML can be collected. The language server's caches pass the kinds
 * workspace rules read; everything else (CRDs, ConfigMaps, ...) is only ever read again for a
 * code action. `parsed`: the text already parsed (an edited big segment is re-parsed in part).
 */
export function analyzeYamlSegment(
  text: string,
  rules: readonly ResolvedKubernetesRule[],
  options: RuleOptions,
  keepNodesOf?: ReadonlySet<string>,
  parsed: ParsedSegment = parseSegment(text),
): SegmentAnalysis {
  const result: SegmentAnalysis = { text, documentCount: parsed.documents.length, findings: [], objects: [], isTemplate: false };
  const found: UnlocatedFinding[] = [];
  if (parsed.errors.length > 0) {
    reportParseErrors(text, parsed.documents.length, parsed, result, found);
    // A document with syntax errors is not checked: its structure cannot be trusted.
    result.findings = locate(text, found);
    return result;
  }
  let reparsed: ReparsedSegment | undefined;
  parsed.documents.forEach((doc, documentInSegment) => {
    const scope = new DocumentScope(doc);
    try {
      const object = readKubernetesObject(scope);
      if (!object) return;
      const entry = { documentInSegment, object };
      result.objects.push(entry);
      const firstFound = found.length;
      runRules(object, text, documentInSegment, rules, options, found);
      if (keepNodesOf && !keepNodesOf.has(object.kind)) {
        reparsed ??= reparseOnce(text);
        entry.object = detach(object, reparsed, documentInSegment);
        for (const f of found.slice(firstFound)) {
          if (f.changes) f.changes = rederivedChanges(() => reportAgain(f, reparsed!(f.documentInSegment), rules, options, text));
        }
      }
    } catch (error) {
      if (!(error instanceof AliasBudgetExceeded)) throw error;
      found.push({
        ruleId: FILE_NOT_ANALYZED.id,
        severity: FILE_NOT_ANALYZED.severity,
        message: `Document not analysed: ${error.message}.`,
        start: doc.range[0],
        end: doc.range[0],
        documentInSegment,
        path: '',
      });
    }
  });
  result.findings = locate(text, found);
  return result;
}

function reportParseErrors(
  text: string,
  documentCount: number,
  parsed: ReturnType<typeof parseSegment>,
  result: SegmentAnalysis,
  found: UnlocatedFinding[],
): void {
  const template = /\{\{.*\}\}/.exec(text);
  if (template) {
    result.isTemplate = true;
    found.push({
      ruleId: TEMPLATE_NOT_ANALYZED.id,
      severity: TEMPLATE_NOT_ANALYZED.severity,
      message: 'Template directives ({{ }}) make this document invalid YAML, so it was not checked. Render it first: helm template ... | palisade scan -',
      start: template.index,
      end: template.index + template[0].length,
      documentInSegment: 0,
      path: '',
    });
    return;
  }
  const first = parsed.errors[0];
  const [start, end] = errorRange(text, first);
  found.push({
    ruleId: PARSE_ERROR.id,
    severity: PARSE_ERROR.severity,
    message: `YAML syntax error (${first.code}): ${first.message}. This document was not checked.`,
    start,
    end,
    documentInSegment: Math.max(0, documentCount - 1),
    path: '',
  });
}

/**
 * Where to show a syntax error: on its own line, but never past the segment's last content.
 * An unclosed bracket is reported at the end of input, which is the next document's `---`
 * line: point at the broken document's last line instead.
 */
function errorRange(text: string, error: YamlProblem): [number, number] {
  const contentEnd = text.trimEnd().length;
  if (error.start < contentEnd) return [error.start, Math.max(error.start, Math.min(error.end, lineEndFrom(text, error.start)))];
  const lastLineStart = text.lastIndexOf('\n', contentEnd - 1) + 1;
  const indent = Math.max(0, text.slice(lastLineStart, contentEnd).search(/\S/));
  return [lastLineStart + indent, contentEnd];
}

function lineEndFrom(text: string, offset: number): number {
  const newline = text.slice(offset).search(/\r?\n/);
  return newline === -1 ? text.length : offset + newline;
}

function runRules(
  object: K8sObject,
  text: string,
  documentInSegment: number,
  rules: readonly ResolvedKubernetesRule[],
  options: RuleOptions,
  out: UnlocatedFinding[],
): void {
  const suppressedBy = annotationDirective(object.annotations);
  const owner = objectRef(object);
  for (const { rule, severity } of rules) {
    if (rule.kinds && !rule.kinds.includes(object.kind)) continue;
    const report = (r: KubernetesReport) => {
      const [start, end] = highlightRange(r.at);
      const finding: UnlocatedFinding = {
        ruleId: rule.meta.id,
        severity,
        message: r.message,
        start,
        end,
        documentInSegment,
        path: formatPath(r.at.path),
        object: owner,
      };
      if (r.related?.length) finding.related = r.related.map((rel) => relatedLocation(rel.at, rel.message));
      const changes = pendingChanges(r);
      if (changes) finding.changes = changes;
      if (suppressedBy && matchesDirective(suppressedBy, rule.meta.id)) {
        finding.suppressed = toSuppression('annotation', suppressedBy);
      }
      out.push(finding);
    };
    try {
      rule.check({ object, options, text, report });
    } catch (error) {
      if (error instanceof AliasBudgetExceeded) throw error;
      out.push({
        ruleId: INTERNAL_ERROR.id,
        severity: INTERNAL_ERROR.severity,
        message: `Rule ${rule.meta.id} failed on this document: ${error instanceof Error ? error.message : String(error)}`,
        start: highlightRange(object.kindRef)[0],
        end: highlightRange(object.kindRef)[1],
        documentInSegment,
        path: '',
        object: owner,
      });
    }
  }
}

/** The objects of a segment read again from its text, at most once, when first needed. */
type ReparsedSegment = (documentInSegment: number) => K8sObject;

function reparseOnce(text: string): ReparsedSegment {
  let objects: Array<K8sObject | undefined> | undefined;
  return (documentInSegment) => {
    // Read with the same code as the first time, so nodes and ranges are the very same.
    objects ??= parseSegment(text).documents.map((doc) => readKubernetesObject(new DocumentScope(doc)));
    const object = objects[documentInSegment];
    if (!object) throw new Error(`document ${documentInSegment} of the segment could not be read again`);
    return object;
  };
}

function detach(object: K8sObject, reparsed: ReparsedSegment, documentInSegment: number): K8sObject {
  return detachedObject(factsOf(object), () => reparsed(documentInSegment));
}

/**
 * The report a rule makes again over the object read again: the one at the same place with
 * the same message (rules are deterministic over the same text and options). A detached
 * object's findings build their fix and suggestions from it, without holding on to the nodes
 * they were found at.
 */
function reportAgain(
  finding: UnlocatedFinding,
  object: K8sObject,
  rules: readonly ResolvedKubernetesRule[],
  options: RuleOptions,
  text: string,
): KubernetesReport | undefined {
  const rule = rules.find((r) => r.rule.meta.id === finding.ruleId)?.rule;
  let found: KubernetesReport | undefined;
  rule?.check({
    object,
    options,
    text,
    report: (r) => {
      if (found || r.message !== finding.message) return;
      const [start, end] = highlightRange(r.at);
      if (start === finding.start && end === finding.end) found = r;
    },
  });
  return found;
}

function relatedLocation(at: NodeRef, message: string): Omit<RelatedLocation, 'range'> {
  const [start, end] = highlightRange(at);
  return { start, end, message };
}

/** Adds line/character ranges, relative to the segment, once per analysed segment. */
function locate(text: string, found: readonly UnlocatedFinding[]): SegmentFinding[] {
  if (found.length === 0) return [];
  const lines = new LineIndex(text);
  // Every field spelled out, in one order: placing reads these objects for every document on
  // every keystroke, and one shape keeps those reads fast (spreads made dozens of shapes).
  return found.map(
    (f): SegmentFinding => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      start: f.start,
      end: f.end,
      range: lines.rangeAt(f.start, f.end),
      documentInSegment: f.documentInSegment,
      path: f.path,
      object: f.object,
      related: f.related?.map((r) => ({ start: r.start, end: r.end, range: lines.rangeAt(r.start, r.end), message: r.message })),
      changes: f.changes,
      suppressed: f.suppressed,
    }),
  );
}
