/**
 * Fix-all for the editor: the engine's loop (rules/engine/fixer.ts: non-overlapping safe fixes,
 * re-analyse, bounded passes) turned into one minimal edit of the buffer.
 */
import { fixAll } from '../../../rules/engine/fixer';
import { changedSpan } from '../../../rules/engine/text';
import type { Finding, TextEdit } from '../../../rules/engine/types';

export function fixAllEditOf(text: string, analyze: (text: string) => Finding[]): TextEdit | undefined {
  return minimalEdit(text, fixAll(text, analyze).text);
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const span = changedSpan(before, after);
  // Never split a CRLF pair: positions between \r and \n do not exist for editors.
  const start = span.start > 0 && before[span.start - 1] === '\r' ? span.start - 1 : span.start;
  return { start, end: span.oldEnd, newText: after.slice(start, span.newEnd) };
}
