/**
 * Fix-all for the editor: the engine's loop (rules/engine/fixer.ts: non-overlapping safe fixes,
 * re-analyse, bounded passes) turned into one minimal edit of the buffer.
 */
import { fixAll } from '../../../rules/engine/fixer';
import type { Finding, TextEdit } from '../../../rules/engine/types';

export function fixAllEditOf(text: string, analyze: (text: string) => Finding[]): TextEdit | undefined {
  return minimalEdit(text, fixAll(text, analyze).text);
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a CRLF pair: positions between \r and \n do not exist for editors.
  if (start > 0 && before[start - 1] === '\r') start--;
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
