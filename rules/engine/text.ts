import type { Position, Range } from './types';

/** Converts offsets to 0-based line/character positions (UTF-16, like LSP) and back. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[Math.max(0, position.line)] + position.character, this.lineEnd(position.line));
  }

  rangeAt(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** Offset of the end of the line, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\n') end--;
    if (end > this.lineStarts[line] && this.text[end - 1] === '\r') end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}

/**
 * A copy of `part`, a piece cut from a longer text, that does not keep that text alive. V8
 * makes a slice of a long string a view into the whole string, and so is everything a parser
 * slices from it: a document cut from a file, and every YAML scalar read from it, would hold
 * the file's entire text of the moment it was cut, one more copy of a big file per version
 * that a long-lived cache still holds a piece of. Concatenation makes a new string, which
 * the slice flattens into a buffer of its own (`part.length + 1` characters).
 */
export function ownCopy(part: string): string {
  return (' ' + part).slice(1);
}

let lastIndex: LineIndex | undefined;

/**
 * The LineIndex of a text, shared by the analysis, the workspace rules and the diagnostics of
 * one edit (they all see the same string): building one walks the whole text, which on a big
 * file is a noticeable part of a keystroke. Only the latest text is kept.
 */
export function lineIndexOf(text: string): LineIndex {
  if (lastIndex?.text !== text) lastIndex = new LineIndex(text);
  return lastIndex;
}

/** The line break the file already uses, so that inserted text matches it. */
export function detectEol(text: string): '\r\n' | '\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether `p` lies in `range`, both ends included. */
export function rangeContains(range: Range, p: Position): boolean {
  return comparePositions(range.start, p) <= 0 && comparePositions(p, range.end) <= 0;
}

/** Whether two ranges overlap or touch. */
export function rangesTouch(a: Range, b: Range): boolean {
  return comparePositions(a.end, b.start) >= 0 && comparePositions(b.end, a.start) >= 0;
}

/** The part two texts differ in: text[start, oldEnd) of `before` is after[start, newEnd). */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The common prefix and suffix of two texts, so the smallest single change between them.
 * Compared a block at a time first: a substring comparison is a memory compare in V8, a loop
 * over characters is not, and this runs on 2 MB buffers on a keystroke.
 */
export function changedSpan(before: string, after: string): ChangedSpan {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = max - start;
  const tail = (text: string, n: number) => text.slice(text.length - n - BLOCK, text.length - n);
  while (suffix + BLOCK <= room && tail(before, suffix) === tail(after, suffix)) suffix += BLOCK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

const BLOCK = 4096;

/** Line breaks in a text as LineIndex counts them (\r\n, \n, and a lone \r). */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  if (text.includes('\r')) for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10) count++;
  return count;
}
