/**
 * Fixes and suggestions are computed on demand. A finding reads `fix` and `suggestions`
 * through getters that run the rule's builder the first time they are read and keep the
 * result, so analysis on every keystroke costs only the checks, and a code action or fix-all
 * pays for the edits of the findings it actually looks at.
 */
import type { Lazy, ProposedChange, ProposedChanges } from './rule';
import type { Finding, FixProposal, TextEdit } from './types';

/** The changes of a report, each built at most once, with offsets still relative to the document. */
export interface PendingChanges {
  readonly fix: FixProposal | undefined;
  readonly suggestions: FixProposal[] | undefined;
}

const NO_CHANGES: PendingChanges = { fix: undefined, suggestions: undefined };

function resolve<T>(value: Lazy<T>): T {
  return typeof value === 'function' ? (value as () => T)() : value;
}

const NOT_BUILT = Symbol('not built');

/**
 * A report's declared changes. The fix and the suggestions are built separately: publishing
 * reads `fix` of every finding (is it fixable?), and must not build every suggestion's snippet
 * for that. A class with its getters on the prototype, and the builders let go once they have
 * run: a cached file keeps one of these per finding for as long as it is open, and the
 * closures and accessor properties this was made of before cost about 0.6 KB more per finding
 * (1.9 MB for the 3,000 findings of the benchmark's 1,000-document file).
 */
class ReportChanges implements PendingChanges {
  private fixValue: FixProposal | undefined | typeof NOT_BUILT = NOT_BUILT;
  private suggestionsValue: FixProposal[] | undefined | typeof NOT_BUILT = NOT_BUILT;

  constructor(
    private fixSource: ProposedChanges['fix'],
    private suggestionsSource: ProposedChanges['suggestions'],
  ) {}

  get fix(): FixProposal | undefined {
    if (this.fixValue === NOT_BUILT) {
      const built = resolve(this.fixSource);
      this.fixValue = built && built.edits.length > 0 ? built : undefined;
      this.fixSource = undefined;
    }
    return this.fixValue;
  }

  get suggestions(): FixProposal[] | undefined {
    if (this.suggestionsValue === NOT_BUILT) {
      const built = (resolve(this.suggestionsSource) ?? []).filter((s): s is ProposedChange => s !== undefined && s.edits.length > 0);
      this.suggestionsValue = built.length > 0 ? built : undefined;
      this.suggestionsSource = undefined;
    }
    return this.suggestionsValue;
  }
}

/** Wraps a report's declared changes; undefined when it declared none (the common case). */
export function pendingChanges(report: ProposedChanges): PendingChanges | undefined {
  if (report.fix === undefined && report.suggestions === undefined) return undefined;
  return new ReportChanges(report.fix, report.suggestions);
}

/**
 * Changes worked out again when first asked for, by `rederive` (which returns the report the
 * rule makes again, or undefined): for findings whose YAML nodes are not kept.
 */
class RederivedChanges implements PendingChanges {
  private found?: PendingChanges;

  constructor(private readonly rederive: () => ProposedChanges | undefined) {}

  private get changes(): PendingChanges {
    return (this.found ??= pendingChanges(this.rederive() ?? {}) ?? NO_CHANGES);
  }

  get fix(): FixProposal | undefined {
    return this.changes.fix;
  }

  get suggestions(): FixProposal[] | undefined {
    return this.changes.suggestions;
  }
}

export function rederivedChanges(rederive: () => ProposedChanges | undefined): PendingChanges {
  return new RederivedChanges(rederive);
}

function shift(change: FixProposal, offset: number): FixProposal {
  if (offset === 0) return change;
  const edits: TextEdit[] = change.edits.map((e) => ({ start: e.start + offset, end: e.end + offset, newText: e.newText }));
  return { title: change.title, edits };
}

interface LazyChanges {
  pending: PendingChanges;
  offset: number;
  fix?: { value: FixProposal | undefined };
  suggestions?: { value: FixProposal[] | undefined };
}

/**
 * A finding whose `fix` and `suggestions` are built on first read. A class with the getters
 * on its prototype, because findings are created for every document of a file on every
 * keystroke, and per-object accessors made that a visible part of the cost (about 10x).
 * The price: a spread (`{ ...finding }`) does not copy `fix` and `suggestions`; copy with
 * `copyFinding` (keeps them lazy) or `plainFinding` (builds them).
 */
class FindingWithChanges implements Finding {
  declare ruleId: string;
  declare severity: Finding['severity'];
  declare message: string;
  declare start: number;
  declare end: number;
  declare range: Finding['range'];
  declare documentIndex: number;
  declare path: string;
  declare object?: Finding['object'];
  declare related?: Finding['related'];
  declare suppressed?: Finding['suppressed'];
  readonly #changes: LazyChanges;

  constructor(fields: Finding, changes: LazyChanges) {
    copyFields(fields, this);
    this.#changes = changes;
  }

  get fix(): FixProposal | undefined {
    const changes = this.#changes;
    if (!changes.fix) {
      const built = changes.pending.fix;
      changes.fix = { value: built && shift(built, changes.offset) };
    }
    return changes.fix.value;
  }

  get suggestions(): FixProposal[] | undefined {
    const changes = this.#changes;
    changes.suggestions ??= { value: changes.pending.suggestions?.map((s) => shift(s, changes.offset)) };
    return changes.suggestions.value;
  }

  /** A plain copy of the fields, without the changes (withoutChanges: thousands of moved findings per keystroke). */
  withoutChanges(): Finding {
    return copyFields(this, {} as Finding);
  }

  /** A copy sharing the (memoised) changes, as copyFinding promises. */
  copy(): this {
    return new FindingWithChanges(this, this.#changes) as this;
  }
}

/**
 * Copies a finding's fields (not its changes) onto `to`, every one spelled out and in one
 * order: this runs for thousands of findings per keystroke, and one order keeps one object
 * shape (a loop over keys, or a spread, made dozens).
 */
function copyFields(from: Finding, to: Finding): Finding {
  to.ruleId = from.ruleId;
  to.severity = from.severity;
  to.message = from.message;
  to.start = from.start;
  to.end = from.end;
  to.range = from.range;
  to.documentIndex = from.documentIndex;
  to.path = from.path;
  if (from.object !== undefined) to.object = from.object;
  if (from.related !== undefined) to.related = from.related;
  if (from.suppressed !== undefined) to.suppressed = from.suppressed;
  const crossFile = (from as { crossFileRelated?: unknown }).crossFileRelated;
  if (crossFile !== undefined) (to as { crossFileRelated?: unknown }).crossFileRelated = crossFile;
  return to;
}

/**
 * The finding with lazy `fix` and `suggestions` (moved by `offset` into the file), or the
 * finding itself when it has no changes. See FindingWithChanges about copying.
 */
export function withChanges<T extends Finding>(finding: T, pending: PendingChanges | undefined, offset: number): T {
  if (!pending) return finding;
  return new FindingWithChanges(finding, { pending, offset }) as unknown as T;
}

/**
 * A copy of a finding that keeps its lazy changes lazy and shared (a spread would lose them).
 * Use it wherever findings are copied before being annotated, e.g. with config suppressions.
 */
export function copyFinding<T extends Finding>(finding: T): T {
  if (finding instanceof FindingWithChanges) return finding.copy();
  return Object.defineProperties({}, Object.getOwnPropertyDescriptors(finding)) as T;
}

/** A copy with the fix and suggestions built and stored as plain data (for another thread, or JSON). */
export function plainFinding<T extends Finding>(finding: T): T {
  const plain = { ...finding };
  const { fix, suggestions } = finding;
  if (fix) plain.fix = fix;
  if (suggestions) plain.suggestions = suggestions;
  return plain;
}

/** A copy without the fix and suggestions (they were computed for other offsets). */
export function withoutChanges<T extends Finding>(finding: T): T {
  if (finding instanceof FindingWithChanges) return finding.withoutChanges() as T;
  // Own descriptors, not reads: reading a lazy `fix` would build it.
  const { fix: _fix, suggestions: _suggestions, ...own } = Object.getOwnPropertyDescriptors(finding);
  return Object.defineProperties({}, own) as T;
}
