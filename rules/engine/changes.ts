/**
 * Fixes and suggestions are computed on demand. A finding carries `fix` and `suggestions` as
 * getters that run the rule's builder the first time they are read and keep the result, so
 * analysis on every keystroke costs only the checks, and a code action or fix-all pays for
 * the edits of the findings it actually looks at.
 */
import type { Lazy, ProposedChange, ProposedChanges } from './rule';
import type { Finding, FixProposal, TextEdit } from './types';

/** The changes of a report, computed at most once, with offsets still relative to the document. */
export type PendingChanges = () => { fix?: FixProposal; suggestions?: FixProposal[] };

function resolve<T>(value: Lazy<T>): T {
  return typeof value === 'function' ? (value as () => T)() : value;
}

/**
 * Wraps a report's declared changes; undefined when it declared none (the common case). The
 * fix and the suggestions are built separately: publishing reads `fix` of every finding (is it
 * fixable?), and must not build every suggestion's snippet for that.
 */
export function pendingChanges(report: ProposedChanges): PendingChanges | undefined {
  if (report.fix === undefined && report.suggestions === undefined) return undefined;
  const fix = once(() => {
    const built = resolve(report.fix);
    return built && built.edits.length > 0 ? built : undefined;
  });
  const suggestions = once(() => {
    const built = (resolve(report.suggestions) ?? []).filter((s): s is ProposedChange => s !== undefined && s.edits.length > 0);
    return built.length > 0 ? built : undefined;
  });
  const changes: ReturnType<PendingChanges> = {};
  Object.defineProperty(changes, 'fix', { enumerable: true, get: fix });
  Object.defineProperty(changes, 'suggestions', { enumerable: true, get: suggestions });
  return () => changes;
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function shift(change: FixProposal, offset: number): FixProposal {
  if (offset === 0) return change;
  const edits: TextEdit[] = change.edits.map((e) => ({ start: e.start + offset, end: e.end + offset, newText: e.newText }));
  return { title: change.title, edits };
}

/** Gives a finding lazy `fix` and `suggestions` properties, moved by `offset` into the file. */
export function attachChanges(finding: Finding, pending: PendingChanges | undefined, offset: number): void {
  if (!pending) return;
  const fix = once(() => {
    const built = pending().fix;
    return built && shift(built, offset);
  });
  const suggestions = once(() => pending().suggestions?.map((s) => shift(s, offset)));
  Object.defineProperty(finding, 'fix', { enumerable: true, configurable: true, get: fix });
  Object.defineProperty(finding, 'suggestions', { enumerable: true, configurable: true, get: suggestions });
}

/**
 * A copy of a finding that keeps its lazy changes lazy (a spread would compute them).
 * Use it wherever findings are copied before being annotated, e.g. with config suppressions.
 */
export function copyFinding<T extends Finding>(finding: T): T {
  return Object.defineProperties({}, Object.getOwnPropertyDescriptors(finding)) as T;
}
