/**
 * A YAML file as a list of independently parsed documents. The file is first cut at its
 * `---` and `...` markers (a marker at column 0 always ends a document, even inside a block
 * scalar, so the cut is exact), then each piece is parsed on its own. An edit therefore only
 * re-parses the pieces whose text changed; the others are reused by text.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type YAMLMap } from 'yaml';
import { changedSpan, lineBreaks } from '../text';

export interface YamlSegment {
  /** Offset of the segment in the file. */
  start: number;
  /** 0-based line of that offset (segments always start at the start of a line). */
  line: number;
  text: string;
}

export interface YamlProblem {
  code: string;
  message: string;
  /** Offsets relative to the segment. */
  start: number;
  end: number;
}

export interface ParsedSegment {
  text: string;
  documents: Document.Parsed[];
  errors: YamlProblem[];
}

const DOCUMENT_START = /^---(?:[ \t]|\r?$)/;
const DOCUMENT_END = /^\.\.\.(?:[ \t]|\r?$)/;
const DASH = 45;
const DOT = 46;
const CR = 13;
const LF = 10;

/**
 * Cut a YAML file into one segment per document. This runs on every keystroke over the whole
 * file, so it looks at each line's first character only, and slices a line just for the rare
 * lines that start with `-` or `.` (or while a segment has no content yet).
 */
export function splitYamlDocuments(text: string): YamlSegment[] {
  const segments: YamlSegment[] = [];
  const lines = new LineCounter(text);
  let segmentStart = 0;
  let segmentLine = 0;
  let hasContent = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const first = text.charCodeAt(lineStart);
    const marker = first === DASH || first === DOT ? text.slice(lineStart, lineEnd).replace(/\r?\n$/, '') : undefined;
    if (marker !== undefined && DOCUMENT_START.test(marker)) {
      if (hasContent) {
        segments.push({ start: segmentStart, line: segmentLine, text: text.slice(segmentStart, lineStart) });
        segmentStart = lineStart;
        segmentLine = lines.at;
      }
      hasContent = /\S/.test(marker.slice(3).replace(/#.*$/, ''));
    } else if (marker !== undefined && DOCUMENT_END.test(marker)) {
      segments.push({ start: segmentStart, line: segmentLine, text: text.slice(segmentStart, lineEnd) });
      segmentStart = lineEnd;
      segmentLine = lines.after(lineStart, lineEnd);
      hasContent = false;
    } else if (!hasContent && isContentLine(text.slice(lineStart, lineEnd))) {
      hasContent = true;
    }
    lines.advance(lineStart, lineEnd);
    lineStart = lineEnd;
  }
  if (segmentStart < text.length || segments.length === 0) {
    segments.push({ start: segmentStart, line: segmentLine, text: text.slice(segmentStart) });
  }
  return segments;
}

/**
 * The segments of `after`, an edit of `before` whose segments are `previous`: only the segments
 * around the change are cut again. The others keep their text (the very same strings, so the
 * cache finds them without hashing them again) and move by the change's length and lines.
 * The same segments as splitYamlDocuments(after), in less than the time of a walk over its lines.
 */
export function splitEditedYamlDocuments(before: string, previous: readonly YamlSegment[], after: string): YamlSegment[] {
  const change = changedSpan(before, after);
  if (previous.length === 0 || (change.start === change.oldEnd && change.start === change.newEnd)) return [...previous];
  // One more segment on each side: a change at a segment's edge may join it to its neighbour
  // (a `---` line edited), and a segment left without content joins the next one.
  const first = Math.max(0, segmentAt(previous, change.start) - 1);
  const last = Math.min(previous.length - 1, segmentAt(previous, change.oldEnd) + 1);
  const regionStart = previous[first].start;
  const oldRegionEnd = last + 1 < previous.length ? previous[last + 1].start : before.length;
  const delta = change.newEnd - change.oldEnd;
  const region = after.slice(regionStart, oldRegionEnd + delta);
  const lineDelta = lineBreaks(region) - (last + 1 < previous.length ? previous[last + 1].line - previous[first].line : Number.NaN);
  const cut = splitYamlDocuments(region).map((s) => ({ start: s.start + regionStart, line: s.line + previous[first].line, text: s.text }));
  const moved = previous.slice(last + 1).map((s) => ({ start: s.start + delta, line: s.line + lineDelta, text: s.text }));
  // A region whose text was all deleted is cut into one empty segment, which only an empty file has.
  const kept = cut.length === 1 && cut[0].text === '' && (first > 0 || moved.length > 0) ? [] : cut;
  return [...previous.slice(0, first), ...kept, ...moved];
}

/** The index of the last segment starting at or before `offset`. */
function segmentAt(segments: readonly YamlSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Counts lines as LineIndex (and LSP) does, where a lone \r also ends a line, so segment line
 * numbers agree with ranges computed over the whole text. The cut itself is at \n only, as before.
 */
class LineCounter {
  /** The 0-based line at which the current \n-terminated chunk starts. */
  at = 0;
  private readonly loneCr: boolean;

  constructor(private readonly text: string) {
    this.loneCr = text.includes('\r') && /\r(?!\n)/.test(text);
  }

  /** The line that starts after the chunk [start, end). */
  after(start: number, end: number): number {
    let line = this.at + (this.text.charCodeAt(end - 1) === LF ? 1 : 0);
    if (this.loneCr) {
      for (let i = start; i < end; i++) {
        if (this.text.charCodeAt(i) === CR && this.text.charCodeAt(i + 1) !== LF) line++;
      }
    }
    return line;
  }

  advance(start: number, end: number): void {
    this.at = this.after(start, end);
  }
}

function isContentLine(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed !== '' && !trimmed.startsWith('#') && !trimmed.startsWith('%');
}

/**
 * Kubernetes reads YAML with YAML 1.1 rules (`yes`/`on` are booleans, `<<` merges), so the
 * engine does too; otherwise `privileged: yes` would slip through as a string.
 *
 * No `keepSourceTokens`: nothing reads the CST (fixes splice text at node ranges), and keeping
 * it alive with every cached document about doubles the memory of an open workspace.
 */
export const YAML_PARSE_OPTIONS = {
  version: '1.1',
  merge: true,
  prettyErrors: false,
  uniqueKeys: true,
} as const;

/**
 * From this size on, a segment's duplicate keys are found by `duplicateKeys` below rather than
 * by yaml's `uniqueKeys`, which compares each new key with every key before it: a ConfigMap of
 * 6,000 keys parsed four times slower. On the small maps of ordinary documents yaml's check,
 * done while composing, costs less than a second walk (5% on the real-k8s corpus).
 */
const OWN_DUPLICATE_CHECK_FROM = 32 * 1024;

export function parseSegment(text: string, ownDuplicateCheck = text.length >= OWN_DUPLICATE_CHECK_FROM): ParsedSegment {
  const parsed = parseAllDocuments(text, ownDuplicateCheck ? { ...YAML_PARSE_OPTIONS, uniqueKeys: false } : YAML_PARSE_OPTIONS);
  // An empty stream (only comments) has no documents and nothing to report.
  const documents = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
  const errors: YamlProblem[] = [];
  for (const doc of documents) {
    const own = doc.errors.map((error) => ({ code: error.code, message: firstLine(error.message), start: error.pos[0], end: error.pos[1] }));
    errors.push(...(ownDuplicateCheck ? inPositionOrder(own, duplicateKeys(doc.contents)) : own));
  }
  return { text, documents, errors };
}

/**
 * The errors yaml reports for duplicate keys (`uniqueKeys`), found with one Set per big map.
 * Same rule (the same node, or scalars of the same value), same error, same order.
 */
export function duplicateKeys(node: unknown, found: YamlProblem[] = []): YamlProblem[] {
  if (isMap(node)) {
    checkKeys(node, found);
    for (const pair of node.items) {
      duplicateKeys(pair.key, found);
      duplicateKeys(pair.value, found);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) duplicateKeys(item, found);
  } else if (isPair(node)) {
    duplicateKeys(node.key, found);
    duplicateKeys(node.value, found);
  }
  return found;
}

/** Below this many keys a pairwise comparison is cheaper than a Set (most maps: env entries, ports). */
const SET_FROM_KEYS = 9;

/** The duplicate-key errors of one map's own keys (not of the maps inside it). */
export function repeatedKeys(map: YAMLMap): YamlProblem[] {
  const found: YamlProblem[] = [];
  checkKeys(map, found);
  return found;
}

function checkKeys(map: YAMLMap, found: YamlProblem[]): void {
  const items = map.items;
  if (items.length < 2) return;
  // yaml compares with ===, under which NaN (a `.nan` key) never repeats.
  const identityOf = (key: unknown) => (isScalar(key) ? key.value : key);
  const seen = items.length >= SET_FROM_KEYS ? new Set<unknown>() : undefined;
  for (let i = 0; i < items.length; i++) {
    const identity = identityOf(items[i].key);
    if (Number.isNaN(identity)) continue;
    let repeated = false;
    if (seen) {
      repeated = seen.has(identity);
      seen.add(identity);
    } else {
      for (let j = 0; j < i && !repeated; j++) repeated = identityOf(items[j].key) === identity;
    }
    if (!repeated) continue;
    const key = items[i].key as { range?: [number, number, number] } | null;
    const start = key?.range?.[0] ?? map.range?.[0] ?? 0;
    found.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', start, end: start + 1 });
  }
}

/** yaml's errors in their order, with the added ones placed among them by position. */
function inPositionOrder(own: YamlProblem[], added: YamlProblem[]): YamlProblem[] {
  if (added.length === 0) return own;
  const merged: YamlProblem[] = [];
  let next = 0;
  for (const problem of added) {
    while (next < own.length && own[next].start <= problem.start) merged.push(own[next++]);
    merged.push(problem);
  }
  return [...merged, ...own.slice(next)];
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
