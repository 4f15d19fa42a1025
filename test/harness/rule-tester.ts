/**
 * Fixture-driven rule tests, in the manner of ESLint's RuleTester. Each case is a YAML
 * text; invalid cases list the findings expected, with exact 0-based ranges
 * [startLine, startChar, endLine, endChar]. Every case is also re-run with CRLF line
 * endings and must give the same findings: ranges are line/character based.
 */
import assert from 'node:assert/strict';
import { analyzeYamlText } from '../../rules/engine/analyze';
import type { KubernetesRule, RuleOptions } from '../../rules/engine/rule';
import { applyEdits, selectChanges } from '../../rules/engine/fixer';
import { findingKey, type Finding, type FixProposal } from '../../rules/engine/types';
import { LATEST_KUBERNETES_VERSION, parseKubernetesVersion } from '../../rules/engine/version';

export type RangeTuple = [number, number, number, number];

export interface ExpectedFinding {
  range: RangeTuple;
  /** Exact text, or a pattern the message must match. */
  message?: string | RegExp;
  path?: string;
  documentIndex?: number;
  /** The finding's suggestions, in order, each with the exact text applying it alone gives. */
  suggestions?: ExpectedChange[];
}

/** A suggestion as a test expects it: its title and the whole text after applying it. */
export interface ExpectedChange {
  title: string;
  output: string;
}

export interface CaseOptions {
  /** "1.30"; defaults to the newest supported version. */
  kubernetesVersion?: string;
  trustedRegistries?: string[];
}

export interface ValidCase extends CaseOptions {
  name?: string;
  code: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The text after applying every finding's `fix` in one pass (the code itself when nothing is fixed). */
  output?: string;
  /** Shorthand for `errors[0].suggestions` when the case expects exactly one finding. */
  suggestions?: ExpectedChange[];
}

export function ruleOptions(o: CaseOptions = {}): RuleOptions {
  const version = o.kubernetesVersion ? parseKubernetesVersion(o.kubernetesVersion) : LATEST_KUBERNETES_VERSION;
  if (typeof version === 'string') throw new Error(version);
  return { kubernetesVersion: version, trustedRegistries: o.trustedRegistries ?? [] };
}

/** Runs one rule on a text and returns its unsuppressed findings. */
export function runRule(rule: KubernetesRule, code: string, options: CaseOptions = {}): Finding[] {
  const result = analyzeYamlText(code, [{ rule, severity: rule.meta.severity }], ruleOptions(options));
  return result.findings.filter((f) => !f.suppressed);
}

export function toTuple(f: Finding): RangeTuple {
  return [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
}

/** Strips the common indentation of a template literal, so fixtures can be indented in tests. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

function caseName(c: ValidCase, index: number): string {
  return c.name ?? `case ${index + 1}: ${c.code.split('\n').find((l) => l.trim() && !l.startsWith('apiVersion')) ?? ''}`.trim();
}

function assertFindings(rule: KubernetesRule, c: InvalidCase, code: string): void {
  const actual = runRule(rule, code, c);
  for (const f of actual) assert.equal(f.ruleId, rule.meta.id, 'a finding of another rule');
  assert.deepEqual(
    actual.map(toTuple),
    c.errors.map((e) => e.range),
    `ranges of ${rule.meta.id} findings; messages: ${JSON.stringify(actual.map((f) => f.message))}`,
  );
  c.errors.forEach((expected, i) => {
    const f = actual[i];
    if (typeof expected.message === 'string') assert.equal(f.message, expected.message);
    else if (expected.message) assert.match(f.message, expected.message);
    if (expected.path !== undefined) assert.equal(f.path, expected.path);
    if (expected.documentIndex !== undefined) assert.equal(f.documentIndex, expected.documentIndex);
  });
}

/**
 * Checks declared changes exactly: applying each gives the expected text (with the code's line
 * breaks), the result parses, and the rule no longer reports that finding (same key).
 */
function assertChanges(rule: KubernetesRule, c: InvalidCase, code: string, eol: (text: string) => string): void {
  const actual = runRule(rule, code, c);
  const expected = expectedSuggestions(c);
  expected.forEach((changes, i) => {
    if (!changes) return;
    const finding = actual[i];
    const proposals = finding.suggestions ?? [];
    assert.deepEqual(proposals.map((s) => s.title), changes.map((s) => s.title), `suggestion titles of finding ${i + 1}`);
    proposals.forEach((proposal, j) => assertResolved(rule, c, code, [finding], [proposal], eol(changes[j].output), `suggestion "${proposal.title}"`));
  });
  if (c.output === undefined) return;
  const { selected } = selectChanges(actual);
  assertResolved(rule, c, code, selected, selected.map((f) => f.fix!), eol(c.output), 'fixes');
}

function expectedSuggestions(c: InvalidCase): Array<ExpectedChange[] | undefined> {
  if (c.suggestions === undefined) return c.errors.map((e) => e.suggestions);
  assert.equal(c.errors.length, 1, 'case-level suggestions need exactly one expected finding; declare them on each error instead');
  assert.equal(c.errors[0].suggestions, undefined, 'suggestions declared both on the case and on its error');
  return [c.suggestions];
}

function assertResolved(rule: KubernetesRule, c: InvalidCase, code: string, findings: Finding[], changes: FixProposal[], output: string, what: string): void {
  const result = applyEdits(code, changes.flatMap((change) => change.edits));
  assert.deepEqual(result.dropped, [], `${what}: overlapping edits`);
  assert.equal(result.text, output, `${what}: output`);
  const after = analyzeYamlText(output, [{ rule, severity: rule.meta.severity }], ruleOptions(c)).findings.filter((f) => !f.suppressed);
  assert.deepEqual(after.filter((f) => f.ruleId !== rule.meta.id).map((f) => `${f.ruleId}: ${f.message}`), [], `${what}: the output does not parse`);
  const fixed = new Set(findings.map(findingKey));
  assert.deepEqual(after.filter((f) => fixed.has(findingKey(f))).map((f) => f.message), [], `${what}: the finding is still reported`);
}

export function ruleTester(rule: KubernetesRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(caseName(c, i), () => {
          assert.deepEqual(runRule(rule, c.code, c).map((f) => `${toTuple(f)} ${f.message}`), []);
          assert.deepEqual(runRule(rule, c.code.replace(/\n/g, '\r\n'), c).length, 0, 'with CRLF line endings');
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(caseName(c, i), () => {
          assert.ok(c.errors.length > 0, 'an invalid case must expect at least one finding');
          assertFindings(rule, c, c.code);
          assertFindings(rule, c, c.code.replace(/\n/g, '\r\n'));
          assertChanges(rule, c, c.code, (text) => text);
          assertChanges(rule, c, c.code.replace(/\n/g, '\r\n'), (text) => text.replace(/\n/g, '\r\n'));
        });
      });
    });
  });
}
