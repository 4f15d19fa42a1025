/**
 * Fixture-driven Dockerfile rule tests, like rule-tester.ts for YAML: exact 0-based ranges
 * [startLine, startChar, endLine, endChar], every case re-run with CRLF line endings.
 */
import assert from 'node:assert/strict';
import { analyzeDockerfileText } from '../../rules/engine/dockerfile/analyze';
import type { DockerfileRule } from '../../rules/engine/rule';
import type { Finding } from '../../rules/engine/types';
import { ruleOptions, toTuple, type CaseOptions, type RangeTuple } from './rule-tester';

export { yaml as dockerfile } from './rule-tester';

export interface DockerfileCase extends CaseOptions {
  name?: string;
  code: string;
}
export interface InvalidDockerfileCase extends DockerfileCase {
  errors: Array<{ range: RangeTuple; message?: string | RegExp; path?: string }>;
}

export function runDockerfileRule(rule: DockerfileRule, code: string, options: CaseOptions = {}): Finding[] {
  return analyzeDockerfileText(code, [{ rule, severity: rule.meta.severity }], ruleOptions(options)).filter((f) => !f.suppressed);
}

function check(rule: DockerfileRule, c: InvalidDockerfileCase, code: string): void {
  const actual = runDockerfileRule(rule, code, c);
  assert.deepEqual(actual.map(toTuple), c.errors.map((e) => e.range), `findings: ${JSON.stringify(actual.map((f) => f.message))}`);
  c.errors.forEach((e, i) => {
    if (typeof e.message === 'string') assert.equal(actual[i].message, e.message);
    else if (e.message) assert.match(actual[i].message, e.message);
    if (e.path !== undefined) assert.equal(actual[i].path, e.path);
  });
}

export function dockerfileRuleTester(rule: DockerfileRule, cases: { valid: DockerfileCase[]; invalid: InvalidDockerfileCase[] }): void {
  const label = (c: DockerfileCase, i: number) => c.name ?? `case ${i + 1}`;
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) =>
      it(`valid: ${label(c, i)}`, () => {
        assert.deepEqual(runDockerfileRule(rule, c.code, c).map((f) => f.message), []);
        assert.deepEqual(runDockerfileRule(rule, c.code.replace(/\n/g, '\r\n'), c).map((f) => f.message), [], 'with CRLF');
      }),
    );
    cases.invalid.forEach((c, i) =>
      it(`invalid: ${label(c, i)}`, () => {
        assert.ok(c.errors.length > 0, 'an invalid case must expect at least one finding');
        check(rule, c, c.code);
        check(rule, c, c.code.replace(/\n/g, '\r\n'));
      }),
    );
  });
}
