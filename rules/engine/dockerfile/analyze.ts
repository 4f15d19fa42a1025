/**
 * Runs Dockerfile rules over one file. Suppression works as in YAML:
 * `# palisade-ignore <ids> -- reason` on the line above (or the run of comment lines above)
 * and `# palisade-ignore-file <ids>` anywhere.
 */
import { INTERNAL_ERROR } from '../builtin';
import type { DockerfileReport, DockerfileRule, RuleOptions } from '../rule';
import { CommentSuppressions } from '../suppression';
import type { Finding, Severity } from '../types';
import { parseDockerfileModel, type DockerfileModel } from './model';

export interface ResolvedDockerfileRule {
  rule: DockerfileRule;
  severity: Severity;
}

export function analyzeDockerfileText(text: string, rules: readonly ResolvedDockerfileRule[], options: RuleOptions): Finding[] {
  const model = parseDockerfileModel(text);
  const comments = new CommentSuppressions(text);
  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    const report = (r: DockerfileReport) => findings.push(toFinding(model, comments, rule.meta.id, severity, r));
    try {
      rule.check({ dockerfile: model, options, text, report });
    } catch (error) {
      findings.push(
        toFinding(model, comments, INTERNAL_ERROR.id, INTERNAL_ERROR.severity, {
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
  ruleId: string,
  severity: Severity,
  r: DockerfileReport,
): Finding {
  const range = model.lines.rangeAt(r.start, r.end);
  const finding: Finding = { ruleId, severity, message: r.message, start: r.start, end: r.end, range, documentIndex: 0, path: r.path };
  if (r.related?.length) finding.related = r.related;
  if (r.fix) finding.fix = r.fix;
  if (r.suggestions?.length) finding.suggestions = r.suggestions;
  const suppressed = comments.isEmpty ? undefined : comments.find(ruleId, range.start.line);
  if (suppressed) finding.suppressed = suppressed;
  return finding;
}
