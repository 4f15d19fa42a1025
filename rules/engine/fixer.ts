/**
 * Applying edits, and fix-all in the manner of ESLint's fixer: compute every finding's `fix`
 * against one text, apply those that do not overlap (a change touching or overlapping an
 * earlier one waits for the next pass), analyse again, and repeat for a bounded number of
 * passes. Two rules that both add `securityContext:` to one container therefore never insert
 * the key twice: the second one is recomputed against the text the first one produced.
 *
 * Only `fix` changes run here (they cannot break a workload); `suggestions` are quick fixes
 * a person picks one at a time.
 */
import type { Finding, FixProposal, TextEdit } from './types';

export interface ApplyResult {
  text: string;
  applied: TextEdit[];
  /** Edits left out because they overlap or touch an edit applied before them. */
  dropped: TextEdit[];
}

/** Applies edits (offsets into `text`), in order of position; overlapping ones are dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const sorted = [...edits].map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const applied: TextEdit[] = [];
  const dropped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  let lastInsertAt = -1;
  for (const { e } of sorted) {
    const invalid = e.start < 0 || e.end < e.start || e.end > text.length;
    // Two insertions at one offset have no defined order: keep the first only.
    const conflicts = e.start < lastEnd || (e.start === e.end && e.start === lastInsertAt);
    if (invalid || conflicts) {
      dropped.push(e);
      continue;
    }
    out += text.slice(cursor, e.start) + e.newText;
    cursor = e.end;
    lastEnd = e.end;
    lastInsertAt = e.start === e.end ? e.start : -1;
    applied.push(e);
  }
  return { text: out + text.slice(cursor), applied, dropped };
}

/** The span a change touches, for overlap checks between whole changes. */
function span(change: FixProposal): [number, number] {
  return [Math.min(...change.edits.map((e) => e.start)), Math.max(...change.edits.map((e) => e.end))];
}

/**
 * Picks the changes that can be applied together: sorted by position, each one starting
 * strictly after the end of the one before (as ESLint does, touching changes conflict: two
 * insertions at one offset would both add the same key).
 */
export function selectChanges<T extends { fix?: FixProposal }>(items: readonly T[]): { selected: T[]; deferred: T[] } {
  const withFix = items.filter((f) => f.fix && f.fix.edits.length > 0);
  const sorted = withFix.map((f) => ({ f, s: span(f.fix!) })).sort((a, b) => a.s[0] - b.s[0] || a.s[1] - b.s[1]);
  const selected: T[] = [];
  const deferred: T[] = [];
  let lastEnd = -Infinity;
  for (const { f, s } of sorted) {
    if (s[0] <= lastEnd) deferred.push(f);
    else {
      selected.push(f);
      lastEnd = s[1];
    }
  }
  return { selected, deferred };
}

export interface FixAllResult {
  text: string;
  /** The fixes applied, in pass order. */
  fixed: Array<Pick<Finding, 'ruleId' | 'path' | 'documentIndex'> & { title: string }>;
  passes: number;
  /** The findings of the final text. */
  findings: Finding[];
}

const PARSE_ERROR_ID = 'parse-error';

/**
 * Applies every non-overlapping `fix` of the unsuppressed findings, re-analyses and repeats
 * until nothing is left to fix or `maxPasses` is reached. A pass that would make the text
 * unparsable is rolled back and ends the loop (a broken fix must never reach the buffer).
 */
export function fixAll(text: string, analyze: (text: string) => Finding[], maxPasses = 10): FixAllResult {
  let current = text;
  let findings = analyze(current);
  const fixed: FixAllResult['fixed'] = [];
  let passes = 0;
  while (passes < maxPasses) {
    const { selected } = selectChanges(findings.filter((f) => !f.suppressed));
    if (selected.length === 0) break;
    const edits = selected.flatMap((f) => f.fix!.edits);
    const next = applyEdits(current, edits).text;
    if (next === current) break;
    const nextFindings = analyze(next);
    if (countParseErrors(nextFindings) > countParseErrors(findings)) break;
    passes++;
    for (const f of selected) fixed.push({ ruleId: f.ruleId, path: f.path, documentIndex: f.documentIndex, title: f.fix!.title });
    current = next;
    findings = nextFindings;
  }
  return { text: current, fixed, passes, findings };
}

function countParseErrors(findings: readonly Finding[]): number {
  return findings.filter((f) => f.ruleId === PARSE_ERROR_ID).length;
}
