/**
 * Finding -> LSP Diagnostic. The transport never changes what the engine decided (severity,
 * range, message); it only translates and adds the links a client can show.
 */
import {
  DiagnosticSeverity,
  type CodeDescription,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import type { WorkspaceFinding } from '../../../rules/engine/workspace';
import type { Finding, Range, Severity } from '../../../rules/engine/types';
import type { ConfigProblem } from '../workspace/config-file';
import { docsUrl } from './docs-url';

export const SOURCE = 'palisade';
export const CONFIG_ERROR_CODE = 'invalid-config';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/**
 * No `data`: a code action finds its finding again by rule and range (see code-actions.ts).
 * A file can have thousands of diagnostics, all sent on every keystroke, so each byte counts.
 */
export function toDiagnostic(finding: WorkspaceFinding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: codeDescriptionOf(finding.ruleId),
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related || finding.crossFileRelated) diagnostic.relatedInformation = relatedInformation(finding, uri);
  return diagnostic;
}

function relatedInformation(finding: WorkspaceFinding, uri: string): DiagnosticRelatedInformation[] {
  const here = (finding.related ?? []).map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  const elsewhere = (finding.crossFileRelated ?? []).map((r) => ({ location: { uri: r.file, range: r.range }, message: r.message }));
  return [...here, ...elsewhere];
}

/** One object per rule, shared by its diagnostics (the serialised message is the same). */
const codeDescriptions = new Map<string, CodeDescription>();

function codeDescriptionOf(ruleId: string): CodeDescription {
  let description = codeDescriptions.get(ruleId);
  if (!description) {
    description = { href: docsUrl(ruleId) };
    codeDescriptions.set(ruleId, description);
  }
  return description;
}

/** What a client was last sent for a file: findings and, in the same order, their diagnostics. */
export interface Shown {
  findings: readonly Finding[];
  diagnostics: readonly Diagnostic[];
}

/** How far ahead to look for what was sent last time, after some of what came before it went away. */
const LOOK_AHEAD = 64;

/** The index of the first item from `from` on, at most LOOK_AHEAD ahead, that is `same` as `wanted`; -1 if none. */
export function indexAhead<T>(items: readonly T[], from: number, wanted: T, same: (a: T, b: T) => boolean): number {
  const end = Math.min(items.length, from + LOOK_AHEAD);
  for (let i = from; i < end; i++) if (same(items[i], wanted)) return i;
  return -1;
}

/**
 * Diagnostics for a file's unsuppressed findings. A finding equal on screen to one shown last
 * time gets that one's diagnostic again, so the message encoder reuses its JSON too: the same
 * finding object (a document the edit did not touch), or a new one at the same lines and
 * characters with the same message (a keystroke earlier on its line moved only its offsets, as
 * most keystrokes do). Matched by position in the list, not through a WeakMap: thousands of
 * new weak entries per keystroke made every young-generation collection several times slower.
 */
export function toDiagnostics(findings: readonly Finding[], uri: string, shown?: Shown): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let next = 0;
  for (const f of findings) {
    if (f.suppressed) continue;
    const at = shown ? indexAhead(shown.findings, next, f, sameOnScreen) : -1;
    if (at >= 0) next = at + 1;
    diagnostics.push(at >= 0 ? shown!.diagnostics[at] : toDiagnostic(f, uri));
  }
  return diagnostics;
}

/** Everything toDiagnostic reads is equal (offsets are not shown). */
function sameOnScreen(a: WorkspaceFinding, b: WorkspaceFinding): boolean {
  if (a === b) return true;
  return (
    a.ruleId === b.ruleId &&
    a.severity === b.severity &&
    a.message === b.message &&
    sameRange(a.range, b.range) &&
    samePlaces(a.related, b.related) &&
    samePlaces(a.crossFileRelated, b.crossFileRelated)
  );
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function samePlaces(a: ReadonlyArray<{ range: Range; message: string; file?: string }> | undefined, b: typeof a): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((place, i) => place.message === b[i].message && place.file === b[i].file && sameRange(place.range, b[i].range));
}

/** True when the diagnostic a client sent back is the one published for this finding. */
export function isDiagnosticOf(finding: Finding, diagnostic: Diagnostic): boolean {
  const a = finding.range;
  const b = diagnostic.range;
  return (
    diagnostic.code === finding.ruleId &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function configProblemDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: problem.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR_CODE,
    source: SOURCE,
    message: problem.message,
  };
}
