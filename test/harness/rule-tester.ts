/**
 * Fixture-driven rule tests, in the manner of ESLint's RuleTester. Each case is a YAML
 * text; invalid cases list the findings expected, with exact 0-based ranges
 * [startLine, startChar, endLine, endChar]. Every case is also re-run with CRLF line
 * endings and must give the same findings: ranges are line/character based.
 */
import assert from 'node:assert/strict';
import { analyzeYamlText } from '../../rules/engine/analyze';
import type { KubernetesRule, RuleOptions } from '../../rules/engine/rule';
import type { Finding } from '../../rules/engine/types';
import { LATEST_KUBERNETES_VERSION, parseKubernetesVersion } from '../../rules/engine/version';

export type RangeTuple = [number, number, number, number];

export interface ExpectedFinding {
  range: RangeTuple;
  /** Exact text, or a pattern the message must match. */
  message?: string | RegExp;
  path?: string;
  documentIndex?: number;
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
        });
      });
    });
  });
}
