/**
 * Runs Dockerfile rules over one file. Suppression works as in YAML:
 * `# palisade-ignore <ids> -- reason` on the line above (or the run of comment lines above)
 * and `# palisade-ignore-file <ids>` anywhere. "Above" means above the instruction: a
 * finding on the third line of a continued RUN is suppressed by a comment above `RUN`.
 */
import { INTERNAL_ERROR } from '../builtin';
import { pendingChanges, withChanges } from '../changes';
import type { DockerfileReport, DockerfileRule, RuleOptions } from '../rule';
import { CommentSuppressions } from '../suppression';
import type { Finding, Severity, Suppression } from '../types';
import { parseDockerfileModel, type DockerfileModel } from './model';

export interface ResolvedDockerfileRule {
  rule: DockerfileRule;
  severity: Severity;
}

export function analyzeDockerfileText(text: string, rules: readonly ResolvedDockerfileRule[], options: RuleOptions): Finding[] {
  const model = parseDockerfileModel(text);
  const comments = new CommentSuppressions(text);
  const instructionLines = comments.isEmpty ? [] : instructionLineSpans(model);
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    const report = (r: DockerfileReport) => findings.push(toFinding(model, comments, instructionLines, rule.meta.id, severity, r));
    try {
      rule.check({ dockerfile: model, options, text, report });
    } catch (error) {
      findings.push(
        toFinding(model, comments, instructionLines, INTERNAL_ERROR.id, INTERNAL_ERROR.severity, {
          start: 0,
          end: 0,
          path: '',
          message: `Rule ${rule.meta.id} failed on this file: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

function toFinding(
  model: DockerfileModel,
  comments: CommentSuppressions,
  instructionLines: ReadonlyArray<[number, number]>,
  ruleId: string,
  severity: Severity,
  r: DockerfileReport,
): Finding {
  const range = model.lines.rangeAt(r.start, r.end);
  const finding: Finding = { ruleId, severity, message: r.message, start: r.start, end: r.end, range, documentIndex: 0, path: r.path };
  if (r.related?.length) finding.related = r.related.map((rel) => ({ ...rel, range: model.lines.rangeAt(rel.start, rel.end) }));
  const suppressed = comments.isEmpty ? undefined : findSuppression(comments, instructionLines, ruleId, range.start.line);
  if (suppressed) finding.suppressed = suppressed;
  return withChanges(finding, pendingChanges(r), 0);
}

function findSuppression(comments: CommentSuppressions, spans: ReadonlyArray<[number, number]>, ruleId: string, line: number): Suppression | undefined {
  const direct = comments.find(ruleId, line);
  if (direct) return direct;
  const span = spans.find(([first, last]) => first < line && line <= last);
  return span ? comments.find(ruleId, span[0]) : undefined;
}

/** [first line, last line] of every instruction, continuation lines and heredocs included. */
export function instructionLineSpans(model: DockerfileModel): Array<[number, number]> {
  return model.ast.getInstructions().map((i) => {
    const r = i.getRange();
    return [r.start.line, r.end.line];
  });
}
