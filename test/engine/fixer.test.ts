import assert from 'node:assert/strict';
import { analyzeYamlText } from '../../rules/engine/analyze';
import { applyEdits, fixAll } from '../../rules/engine/fixer';
import { defineKubernetesRule } from '../../rules/engine/rule';
import { bool, child } from '../../rules/engine/yaml/nav';
import { containerSecurityContextChange, securitySettings } from '../../rules/kubernetes/fixes';
import { forEachContainer } from '../../rules/kubernetes/helpers';
import { ruleOptions } from '../harness/rule-tester';

const meta = { severity: 'warning' as const, category: 't', description: 'd', remediation: 'r', references: {}, tier: 'recommended' as const };

/** Two rules that both add under securityContext: the fix-all loop must not add the key twice. */
function settingRule(id: string, setting: 'allowPrivilegeEscalation' | 'readOnlyRootFilesystem', wanted: boolean) {
  return defineKubernetesRule({
    meta: { ...meta, id, title: id },
    check(ctx) {
      forEachContainer(ctx, (container) => {
        if (bool(child(container.securityContext, setting)) === wanted) return;
        ctx.report({ at: container.anchor, message: id, fix: containerSecurityContextChange(ctx, container, securitySettings(setting)) });
      });
    },
  });
}

const rules = [settingRule('no-escalation', 'allowPrivilegeEscalation', false), settingRule('read-only', 'readOnlyRootFilesystem', true)].map((rule) => ({
  rule,
  severity: rule.meta.severity,
}));
const analyze = (text: string) => analyzeYamlText(text, rules, ruleOptions()).findings;

describe('fixer', () => {
  it('applyEdits sorts edits and drops overlapping ones and second insertions at one offset', () => {
    const result = applyEdits('abcdef', [
      { start: 4, end: 5, newText: 'E' },
      { start: 0, end: 2, newText: 'AB' },
      { start: 1, end: 3, newText: 'x' },
      { start: 6, end: 6, newText: '!' },
      { start: 6, end: 6, newText: '?' },
    ]);
    assert.equal(result.text, 'ABcdEf!');
    assert.deepEqual(result.dropped, [
      { start: 1, end: 3, newText: 'x' },
      { start: 6, end: 6, newText: '?' },
    ]);
  });

  it('fixAll applies non-overlapping fixes, re-analyses and converges (pitfall 10)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n    - name: b\n      securityContext: {}\n';
    const result = fixAll(text, analyze);
    assert.equal(
      result.text,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      securityContext:\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n    - name: b\n      securityContext:\n        allowPrivilegeEscalation: false\n        readOnlyRootFilesystem: true\n',
    );
    assert.equal(result.passes, 2);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.fixed.map((f) => `${f.ruleId} ${f.path}`),
      ['no-escalation spec.containers[0].name', 'no-escalation spec.containers[1].name', 'read-only spec.containers[0].name', 'read-only spec.containers[1].name'],
    );
  });

  it('fixAll stops after maxPasses and leaves suppressed findings alone', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    # palisade-ignore no-escalation read-only\n    - name: a\n';
    assert.equal(fixAll(text, analyze).text, text);
    const open = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n';
    const once = fixAll(open, analyze, 1);
    assert.equal(once.passes, 1);
    assert.equal(once.findings.length, 1);
  });
});
