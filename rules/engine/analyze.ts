/**
 * The engine's entry point: text in, findings out. `analyzeFile` decides what a file is,
 * refuses what cannot be analysed safely (binary, too large) with a finding rather than
 * silence, and places every finding in the file with its range.
 */
import { FILE_NOT_ANALYZED } from './builtin';
import { withChanges } from './changes';
import { analyzeDockerfileText, type ResolvedDockerfileRule } from './dockerfile/analyze';
import type { K8sObject } from './kubernetes/object';
import type { Rule, RuleOptions } from './rule';
import { CommentSuppressions } from './suppression';
import { LineIndex, ownCopy } from './text';
import type { Finding, Language, Range, Severity } from './types';
import { analyzeYamlSegment, type ResolvedKubernetesRule, type SegmentAnalysis, type SegmentFinding } from './yaml/analyze';
import { parseSegment, splitEditedYamlDocuments, splitYamlDocuments, type ParsedSegment, type YamlSegment } from './yaml/parse';
import { reparseInPart } from './yaml/reparse';

export interface ResolvedRule {
  rule: Rule;
  severity: Severity;
}

export interface AnalyzeOptions extends RuleOptions {
  /** Larger files get one `file-not-analyzed` finding instead of analysis. */
  maxFileSize?: number;
  /** Overrides detection by file name (an editor knows the language of an untitled buffer). */
  language?: Language;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

export interface AnalyzedObject {
  documentIndex: number;
  /** Offset of the document's segment in the file: the object's node ranges are relative to it. */
  offset: number;
  /** The 0-based line of that offset. */
  line: number;
  object: K8sObject;
}

export interface FileAnalysis {
  language: Language;
  findings: Finding[];
  documentCount: number;
  objects: AnalyzedObject[];
}

/**
 * From this size on, an edited document is re-parsed in part. Below it a full parse takes a
 * few milliseconds and working out what changed would cost about as much.
 */
const REPARSE_IN_PART_FROM = 32 * 1024;

/**
 * Per-file cache of segment results, keyed by segment text. Valid for one rule list and one
 * options object: it empties itself when called with others.
 */
export class AnalysisCache {
  /**
   * @param keepNodesOf when given, the YAML nodes of objects of other kinds are not kept (see
   * analyzeYamlSegment): for caches that live as long as the workspace is open.
   */
  constructor(readonly keepNodesOf?: ReadonlySet<string>) {}

  private segments = new Map<string, SegmentAnalysis>();
  private rules: readonly ResolvedKubernetesRule[] = [];
  private options = '';

  take(rules: readonly ResolvedKubernetesRule[], options: RuleOptions): Map<string, SegmentAnalysis> {
    // Compared by content, not identity: analyzeFile filters the rule list on every call.
    this.reparsedInPart = 0;
    const optionsKey = JSON.stringify(options);
    if (!sameRules(rules, this.rules) || optionsKey !== this.options) {
      this.segments = new Map();
      this.rules = [...rules];
      this.options = optionsKey;
    }
    return this.segments;
  }

  /** Keeps only what the latest analysis used, so the cache never outgrows the file. */
  replace(used: Map<string, SegmentAnalysis>): void {
    this.segments = used;
    if (this.lastEdited && !used.has(this.lastEdited.text)) this.lastEdited = undefined;
  }

  /**
   * The parse of the big document edited last, kept while the file still has it: the next
   * keystroke in that document re-parses only the item it changed (yaml/reparse.ts). Not kept
   * for documents that were only opened, so an open workspace holds no more parsed YAML.
   */
  private lastEdited?: ParsedSegment;

  /** The text of the latest analysis and its segments: the next one cuts only around its edit. */
  private lastSplit?: { text: string; segments: YamlSegment[] };

  /** The file's segments, cut again only around what changed since the latest analysis. */
  split(text: string): YamlSegment[] {
    const segments = this.lastSplit ? splitEditedYamlDocuments(this.lastSplit.text, this.lastSplit.segments, text) : splitYamlDocuments(text);
    this.lastSplit = { text, segments };
    return segments;
  }

  /**
   * The text to analyse and keep for a segment of `fileText` the cache does not have: a copy
   * of its own when it is a part of the file, so what the cache keeps (the key, the parsed
   * nodes' strings) never holds on to a whole version of the file. Reused segments take the
   * string of their analysis back (SegmentAnalysis.text): the file's text of later versions
   * (a buffer opened after the start-up index read the file) is never kept through them.
   */
  own(segment: YamlSegment, fileText: string): string {
    if (segment.text.length < fileText.length) segment.text = ownCopy(segment.text);
    return segment.text;
  }

  /** Parses a segment the cache does not have; `edited`: the file had other text before, so this is an edit. */
  parse(text: string, edited: boolean): ParsedSegment {
    if (text.length < REPARSE_IN_PART_FROM) return parseSegment(text);
    const inPart = this.lastEdited && reparseInPart(this.lastEdited, text);
    if (inPart) this.reparsedInPart++;
    const parsed = inPart ?? parseSegment(text);
    if (edited) this.lastEdited = parsed;
    return parsed;
  }

  /**
   * Where each segment was last placed. A segment still at the same offset, line and document
   * index (every document before the edit, and after it when the edit kept the length) keeps
   * the very same finding objects: fewer objects per keystroke, and the server can reuse what
   * it built from them. Comment suppressions can depend on any line, so a file with
   * suppression comments is placed afresh.
   */
  private placements = new WeakMap<SegmentAnalysis, Placement>();

  placementOf(analysis: SegmentAnalysis, segment: YamlSegment, documentBase: number, comments: CommentSuppressions): Placement {
    const previous = this.placements.get(analysis);
    if (previous && comments.isEmpty && previous.offset === segment.start && previous.line === segment.line && previous.documentBase === documentBase) {
      return previous;
    }
    const placed = place(analysis, segment, documentBase, comments);
    if (comments.isEmpty) this.placements.set(analysis, placed);
    return placed;
  }

  /** How many segments the latest analysis reused, and how many it re-parsed in part (for tests and benchmarks). */
  reused = 0;
  reparsedInPart = 0;
}

function sameRules(a: readonly ResolvedKubernetesRule[], b: readonly ResolvedKubernetesRule[]): boolean {
  return a.length === b.length && a.every((r, i) => r.rule === b[i].rule && r.severity === b[i].severity);
}

const YAML_FILE = /\.ya?ml$/i;
/** Dockerfile, Dockerfile.prod, api.dockerfile, Containerfile (any case, as editors match them). */
const DOCKERFILE = /(?:^|[\\/])(?:(?:docker|container)file(?:\.[^\\/]+)?|[^\\/]+\.(?:dockerfile|containerfile))$/i;

/** What a file is, from its name; undefined for files Palisade does not analyse. */
export function languageOf(path: string): Language | undefined {
  if (YAML_FILE.test(path)) return 'kubernetes';
  if (DOCKERFILE.test(path)) return 'dockerfile';
  return undefined;
}

export function analyzeFile(
  path: string,
  text: string,
  rules: readonly ResolvedRule[],
  options: AnalyzeOptions,
  cache?: AnalysisCache,
): FileAnalysis {
  const language = options.language ?? languageOf(path) ?? 'kubernetes';
  const refusal = refuseUnsafeInput(text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (refusal) {
    const lines = new LineIndex(text.slice(0, 1));
    return {
      language,
      documentCount: 0,
      objects: [],
      findings: [
        {
          ruleId: FILE_NOT_ANALYZED.id,
          severity: FILE_NOT_ANALYZED.severity,
          message: refusal,
          start: 0,
          end: 0,
          range: lines.rangeAt(0, 0),
          documentIndex: 0,
          path: '',
        },
      ],
    };
  }
  if (language === 'dockerfile') {
    const findings = analyzeDockerfileText(text, rules.filter(isDockerfileRule), options);
    return { language, findings, documentCount: 1, objects: [] };
  }
  if (!looksLikeKubernetes(text)) return { language, findings: [], documentCount: 0, objects: [] };
  return analyzeYamlText(text, rules.filter(isKubernetesRule), options, cache);
}

/**
 * Fills the cache with the file's documents a slice of time at a time, awaiting `pause`
 * between slices, so a big file analysed in the background (the language server's start-up
 * index) never blocks the editor for long: `analyzeFile` with the same cache then finds every
 * document done. Only one document at a time is ever run without a pause.
 */
export async function warmAnalysisCache(
  path: string,
  text: string,
  rules: readonly ResolvedRule[],
  options: AnalyzeOptions,
  cache: AnalysisCache,
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<void> {
  const language = options.language ?? languageOf(path) ?? 'kubernetes';
  if (language !== 'kubernetes' || refuseUnsafeInput(text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) || !looksLikeKubernetes(text)) return;
  const kubernetesRules = rules.filter(isKubernetesRule);
  let sliceStart = performance.now();
  for (const segment of splitYamlDocuments(text)) {
    // Taken again after each pause: an analysis meanwhile may have replaced the cache's map.
    const segments = cache.take(kubernetesRules, options);
    if (segments.has(segment.text)) continue;
    const own = cache.own(segment, text);
    segments.set(own, analyzeYamlSegment(own, kubernetesRules, options, cache.keepNodesOf));
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

const KIND_LINE = /^[ \t-]*kind[ \t]*:/m;
const API_VERSION_KEY = /apiVersion[ \t]*:/;

/**
 * A cheap test that keeps other YAML (CI pipelines, compose files, Helm values) free and
 * silent, in the editor and the CLI alike: such files are not Palisade's to judge, not even
 * their syntax errors.
 */
export function looksLikeKubernetes(text: string): boolean {
  return KIND_LINE.test(text) && API_VERSION_KEY.test(text);
}

function isKubernetesRule(r: ResolvedRule): r is ResolvedKubernetesRule {
  return r.rule.language === 'kubernetes';
}

function isDockerfileRule(r: ResolvedRule): r is ResolvedDockerfileRule {
  return r.rule.language === 'dockerfile';
}

function refuseUnsafeInput(text: string, maxFileSize: number): string | undefined {
  if (text.length > maxFileSize) {
    return `File not analysed: it has ${text.length} characters, more than the limit of ${maxFileSize}.`;
  }
  if (text.slice(0, 8192).includes('\0')) return 'File not analysed: it looks binary (it contains NUL bytes).';
  return undefined;
}

export function analyzeYamlText(
  text: string,
  rules: readonly ResolvedKubernetesRule[],
  options: RuleOptions,
  cache?: AnalysisCache,
): FileAnalysis {
  const previous = cache?.take(rules, options);
  const used = new Map<string, SegmentAnalysis>();
  // No LineIndex of the whole file: segments know their first line and findings their lines
  // within the segment, so an edit costs the changed documents, not a walk over every line.
  const comments = new CommentSuppressions(text);
  const result: FileAnalysis = { language: 'kubernetes', findings: [], documentCount: 0, objects: [] };
  let sawTemplate = false;
  let reused = 0;
  for (const segment of cache?.split(text) ?? splitYamlDocuments(text)) {
    let analysis = previous?.get(segment.text);
    if (analysis) {
      reused++;
      segment.text = analysis.text;
    } else if (cache) {
      const own = cache.own(segment, text);
      analysis = analyzeYamlSegment(own, rules, options, cache.keepNodesOf, cache.parse(own, previous!.size > 0));
    } else analysis = analyzeYamlSegment(segment.text, rules, options);
    used.set(segment.text, analysis);
    if (analysis.isTemplate && sawTemplate) continue;
    sawTemplate ||= analysis.isTemplate;
    const base = result.documentCount;
    const placed = cache?.placementOf(analysis, segment, base, comments) ?? place(analysis, segment, base, comments);
    for (const f of placed.findings) result.findings.push(f);
    for (const o of placed.objects) result.objects.push(o);
    result.documentCount += Math.max(analysis.documentCount, analysis.isTemplate ? 1 : 0);
  }
  if (cache) {
    cache.replace(used);
    cache.reused = reused;
  }
  return result;
}

/** A segment's findings and objects placed in the file, for one position of the segment. */
export interface Placement {
  offset: number;
  line: number;
  documentBase: number;
  findings: Finding[];
  objects: AnalyzedObject[];
}

function place(analysis: SegmentAnalysis, segment: YamlSegment, documentBase: number, comments: CommentSuppressions): Placement {
  return {
    offset: segment.start,
    line: segment.line,
    documentBase,
    findings: analysis.findings.map((f) => placeFinding(f, segment, documentBase, comments)),
    objects: analysis.objects.map((o) => ({ documentIndex: documentBase + o.documentInSegment, offset: segment.start, line: segment.line, object: o.object })),
  };
}

function placeFinding(f: SegmentFinding, segment: YamlSegment, documentBase: number, comments: CommentSuppressions): Finding {
  const offset = segment.start;
  const range = shiftRange(f.range, segment.line);
  const finding: Finding = {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    start: f.start + offset,
    end: f.end + offset,
    range,
    documentIndex: documentBase + f.documentInSegment,
    path: f.path,
  };
  if (f.object) finding.object = f.object;
  if (f.related) {
    finding.related = f.related.map((r) => ({ start: r.start + offset, end: r.end + offset, range: shiftRange(r.range, segment.line), message: r.message }));
  }
  const suppressed = f.suppressed ?? (comments.isEmpty ? undefined : comments.find(f.ruleId, range.start.line));
  if (suppressed) finding.suppressed = suppressed;
  return withChanges(finding, f.changes, offset);
}

/** A range moved down by `lines` (its characters stay: segments start at the start of a line). */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
