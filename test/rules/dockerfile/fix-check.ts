/**
 * Checks for Dockerfile fixes and suggestions: apply one change, compare the exact text, and
 * prove the guarantee every fix gives: the file still parses as well as before, the finding
 * is gone, and no rule reports anything new.
 */
import assert from 'node:assert/strict';
import { validate } from 'dockerfile-utils';
import { DOCKERFILE_RULES } from '../../../rules/dockerfile';
import { analyzeDockerfileText } from '../../../rules/engine/dockerfile/analyze';
import type { DockerfileRule } from '../../../rules/engine/rule';
import type { Finding, FixProposal, TextEdit } from '../../../rules/engine/types';
import { ruleOptions } from '../../harness/rule-tester';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return counts;
}

/** Every rule's unsuppressed findings. */
export function allFindings(text: string): Finding[] {
  const rules = DOCKERFILE_RULES.map((rule) => ({ rule, severity: rule.meta.severity }));
  return analyzeDockerfileText(text, rules, ruleOptions()).filter((f) => !f.suppressed);
}

function labels(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId}: ${f.message}`).sort();
}

/** Syntax problems dockerfile-utils sees (unknown instructions, bad flags, unterminated JSON...). */
export function syntaxErrors(text: string): string[] {
  return validate(text)
    .filter((d) => d.severity === 1)
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

/**
 * Applies `change` of `finding` (found in `before`) and checks the guarantee: parse errors do
 * not grow, this finding disappears, and every finding after the change was already there.
 */
export function assertSafeChange(before: string, finding: Finding, change: FixProposal): string {
  const after = applyEdits(before, change.edits);
  const context = `${finding.ruleId} "${change.title}" on:\n${before}\n--- gave:\n${after}`;
  assert.ok(syntaxErrors(after).length <= syntaxErrors(before).length, `${context}\nnew syntax errors: ${syntaxErrors(after).join('; ')}`);
  // Counted per rule, not by message: messages quote the text the change rewrites.
  const budget = countByRule(allFindings(before));
  budget.set(finding.ruleId, (budget.get(finding.ruleId) ?? 0) - 1);
  const now = countByRule(allFindings(after));
  const grown = [...now].filter(([id, n]) => n > (budget.get(id) ?? 0)).map(([id, n]) => `${id}: ${n} > ${budget.get(id) ?? 0}`);
  assert.deepEqual(grown, [], `${context}
findings: ${labels(allFindings(after)).join('\n')}`);
  return after;
}

/** The single finding of `rule` in `code`, its change (`fix`, or suggestion `index`) applied and checked. */
export function applyChange(rule: DockerfileRule, code: string, kind: 'fix' | 'suggestion', index = 0): string {
  const findings = analyzeDockerfileText(code, [{ rule, severity: rule.meta.severity }], ruleOptions()).filter((f) => !f.suppressed);
  const withChange = findings.filter((f) => (kind === 'fix' ? f.fix : f.suggestions?.[index]));
  assert.equal(withChange.length, 1, `expected one ${rule.meta.id} finding with a ${kind}, got ${JSON.stringify(findings.map((f) => f.message))}`);
  const finding = withChange[0];
  const change = kind === 'fix' ? finding.fix! : finding.suggestions![index];
  return assertSafeChange(code, finding, change);
}

/** Asserts the exact text after the change, for LF and CRLF files. */
export function assertChangeGives(rule: DockerfileRule, code: string, expected: string, kind: 'fix' | 'suggestion' = 'fix', index = 0): void {
  assert.equal(applyChange(rule, code, kind, index), expected);
  assert.equal(applyChange(rule, code.replace(/\n/g, '\r\n'), kind, index), expected.replace(/\n/g, '\r\n'), 'with CRLF');
}
