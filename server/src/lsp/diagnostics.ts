/**
 * Finding -> LSP Diagnostic. The transport never changes what the engine decided (severity,
 * range, message); it only translates and adds the links a client can show.
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from 'vscode-languageserver/node';
import type { CrossFileRelated, WorkspaceFinding } from '../../../rules/engine/workspace';
import { LineIndex, lineIndexOf } from '../../../rules/engine/text';
import { findingKey, type Finding, type Severity } from '../../../rules/engine/types';
import type { ConfigProblem } from '../workspace/config-file';
import { docsUrl } from './docs-url';

export const SOURCE = 'palisade';
export const CONFIG_ERROR_CODE = 'invalid-config';

export interface DiagnosticData {
  key: string;
  fixable: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Text of other files, for ranges of cross-file related locations. */
export type TextOf = (uri: string) => string | undefined;

export function toDiagnostic(finding: WorkspaceFinding, uri: string, lines: LineIndex, textOf: TextOf): Diagnostic {
  const data: DiagnosticData = { key: findingKey(finding), fixable: finding.fix !== undefined };
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
  };
  const related = [
    ...(finding.related ?? []).map((r) => ({ location: { uri, range: lines.rangeAt(r.start, r.end) }, message: r.message })),
    ...(finding.crossFileRelated ?? []).flatMap((r) => crossFile(r, textOf)),
  ];
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function crossFile(r: CrossFileRelated, textOf: TextOf): DiagnosticRelatedInformation[] {
  const text = textOf(r.file);
  if (text === undefined) return [];
  return [{ location: { uri: r.file, range: new LineIndex(text).rangeAt(r.start, r.end) }, message: r.message }];
}

export function toDiagnostics(findings: readonly Finding[], uri: string, text: string, textOf: TextOf): Diagnostic[] {
  const lines = lineIndexOf(text);
  return findings.filter((f) => !f.suppressed).map((f) => toDiagnostic(f, uri, lines, textOf));
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
