/**
 * The machine-readable report. Positions are 0-based (LSP convention), paths are relative to the
 * working folder with forward slashes, and suppressed findings are always included and marked.
 * Related locations (`related`) list those of the finding's file first, then other files'.
 */
import type { ObjectRef, Range, Severity, Suppression } from '../../../rules/engine/types';
import type { ScanResult, ScanSummary } from '../workspace/scan';
import { relatedNotes, type RelatedNote } from './related';
import { PALISADE_VERSION } from './tool';

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  object?: ObjectRef;
  /** JSON path of the offending node, e.g. `spec.containers[0].securityContext.privileged`. */
  path: string;
  documentIndex: number;
  suppressed?: Suppression;
  /** Other places that explain the finding, in this file or another; absent when none. */
  related?: RelatedNote[];
}

export interface JsonReport {
  version: string;
  files: Array<{ path: string; findings: JsonFinding[] }>;
  summary: ScanSummary;
}

export function toJsonReport(result: ScanResult): JsonReport {
  return {
    version: PALISADE_VERSION,
    files: result.files.map((file) => ({
      path: file.file,
      findings: file.findings.map((f) => {
        const related = relatedNotes(f, file.file);
        const out: JsonFinding = {
          ruleId: f.ruleId,
          severity: f.severity,
          message: f.message,
          range: f.range,
          ...(f.object ? { object: f.object } : {}),
          path: f.path,
          documentIndex: f.documentIndex,
          ...(f.suppressed ? { suppressed: f.suppressed } : {}),
          ...(related.length > 0 ? { related } : {}),
        };
        return out;
      }),
    })),
    summary: result.summary,
  };
}

export function formatJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
