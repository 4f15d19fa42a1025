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
import type { Finding, Severity } from '../../../rules/engine/types';
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

/**
 * The diagnostic made from each finding object, by URI. The engine hands back the same finding
 * objects for documents an edit did not move (see AnalysisCache.placementOf), and findings are
 * never changed once made (copies are annotated instead), so their diagnostics can be reused.
 */
const converted = new WeakMap<Finding, { uri: string; diagnostic: Diagnostic }>();

export function toDiagnostics(findings: readonly Finding[], uri: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of findings) {
    if (f.suppressed) continue;
    let done = converted.get(f);
    if (done?.uri !== uri) {
      done = { uri, diagnostic: toDiagnostic(f, uri) };
      converted.set(f, done);
    }
    diagnostics.push(done.diagnostic);
  }
  return diagnostics;
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
