/**
 * A YAML file as a list of independently parsed documents. The file is first cut at its
 * `---` and `...` markers (a marker at column 0 always ends a document, even inside a block
 * scalar, so the cut is exact), then each piece is parsed on its own. An edit therefore only
 * re-parses the pieces whose text changed; the others are reused by text.
 */
import { parseAllDocuments, type Document } from 'yaml';

export interface YamlSegment {
  /** Offset of the segment in the file. */
  start: number;
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

/** Cut a YAML file into one segment per document. */
export function splitYamlDocuments(text: string): YamlSegment[] {
  const segments: YamlSegment[] = [];
  let segmentStart = 0;
  let hasContent = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
    if (DOCUMENT_START.test(line)) {
      if (hasContent) {
        segments.push({ start: segmentStart, text: text.slice(segmentStart, lineStart) });
        segmentStart = lineStart;
      }
      hasContent = /\S/.test(line.slice(3).replace(/#.*$/, ''));
    } else if (DOCUMENT_END.test(line)) {
      segments.push({ start: segmentStart, text: text.slice(segmentStart, lineEnd) });
      segmentStart = lineEnd;
      hasContent = false;
    } else if (!hasContent && isContentLine(line)) {
      hasContent = true;
    }
    lineStart = lineEnd;
  }
  if (segmentStart < text.length || segments.length === 0) {
    segments.push({ start: segmentStart, text: text.slice(segmentStart) });
  }
  return segments;
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

export function parseSegment(text: string): ParsedSegment {
  const parsed = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  // An empty stream (only comments) has no documents and nothing to report.
  const documents = Array.isArray(parsed) ? (parsed as Document.Parsed[]) : [];
  const errors: YamlProblem[] = [];
  for (const doc of documents) {
    for (const error of doc.errors) {
      errors.push({ code: error.code, message: firstLine(error.message), start: error.pos[0], end: error.pos[1] });
    }
  }
  return { text, documents, errors };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
