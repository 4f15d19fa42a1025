import * as assert from 'node:assert/strict';
import { AnalysisCache, analyzeFile } from '../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import type { Finding } from '../../rules/engine/types';
import type { WorkspaceFinding } from '../../rules/engine/workspace';
import { RULES } from '../../rules/index';
import { configProblemDiagnostic, isDiagnosticOf, toDiagnostic, toDiagnostics, type Shown } from '../../server/src/lsp/diagnostics';
import { docsUrl } from '../../server/src/lsp/docs-url';
import { ruleOptions } from '../harness/rule-tester';

describe('language server: finding to diagnostic', () => {
  // The finding is in 'kind: Role\nrules:\n  - resources: ["*"]\n    verbs: ["*"]\n', its account
  // in 'apiVersion: v1\nkind: ServiceAccount\n': the engine gives every location's range.
  const finding: WorkspaceFinding = {
    ruleId: 'rbac-wildcard',
    severity: 'info',
    message: 'Wildcards.',
    start: 33,
    end: 36,
    range: { start: { line: 2, character: 15 }, end: { line: 2, character: 18 } },
    documentIndex: 0,
    path: 'rules[0].resources[0]',
    related: [{ start: 51, end: 54, range: { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } }, message: '"*" in verbs' }],
    crossFileRelated: [
      { file: 'file:///other.yaml', start: 21, end: 35, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 20 } }, message: 'the account' },
    ],
    fix: { title: 'Fix', edits: [] },
  };

  it('maps severity, code, docs link and same-file and cross-file related locations, with no data', () => {
    const d = toDiagnostic(finding, 'file:///role.yaml');
    assert.deepEqual(d, {
      range: finding.range,
      severity: 3,
      code: 'rbac-wildcard',
      codeDescription: { href: docsUrl('rbac-wildcard') },
      source: 'palisade',
      message: 'Wildcards.',
      relatedInformation: [
        { location: { uri: 'file:///role.yaml', range: { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } } }, message: '"*" in verbs' },
        { location: { uri: 'file:///other.yaml', range: { start: { line: 1, character: 6 }, end: { line: 1, character: 20 } } }, message: 'the account' },
      ],
    });
  });

  it('finds the finding of a diagnostic again by rule and exact range', () => {
    const d = toDiagnostic(finding, 'file:///role.yaml');
    assert.equal(isDiagnosticOf(finding, d), true);
    assert.equal(isDiagnosticOf(finding, { ...d, code: 'rbac-secrets-access' }), false);
    assert.equal(isDiagnosticOf(finding, { ...d, range: { start: d.range.start, end: { line: 2, character: 19 } } }), false);
  });

  describe('reusing the diagnostics shown last time', () => {
    const rules = resolveRules(RULES, defaultConfig());
    const pod = (name: string, privileged = true) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - {name: a, image: a:1, securityContext: {privileged: ${privileged}}}\n`;
    const uri = 'file:///pods.yaml';
    const cache = new AnalysisCache();
    const analyse = (text: string) => analyzeFile('pods.yaml', text, rules, ruleOptions(), cache).findings.filter((f) => !f.suppressed);
    const show = (findings: Finding[], shown?: Shown): Shown => ({ findings, diagnostics: toDiagnostics(findings, uri, shown) });
    /** The diagnostics of the second document (from line 7 on, or 8 once a line was added before it). */
    const second = (s: Shown, fromLine = 7) => s.diagnostics.filter((d) => d.range.start.line >= fromLine);

    it('reuses those of findings a keystroke only moved along their lines (same objects, equal to new ones)', () => {
      const before = show(analyse(`${pod('one')}---\n${pod('two')}`));
      const after = show(analyse(`${pod('one-longer')}---\n${pod('two')}`), before);
      assert.ok(second(before).length >= 3, 'the second document has findings');
      const moved = after.findings.filter((f) => f.range.start.line >= 7);
      assert.ok(moved.length >= 3 && moved.every((f) => !before.findings.includes(f)), 'new finding objects: their offsets moved');
      assert.deepEqual(second(after).map((d) => second(before).indexOf(d)), second(before).map((_, i) => i), 'the very same diagnostic objects');
      assert.deepEqual(after.diagnostics, after.findings.map((f) => toDiagnostic(f, uri)), 'equal to diagnostics made afresh');
    });

    it('makes new ones when the findings moved to other lines', () => {
      const before = show(analyse(`${pod('one')}---\n${pod('two')}`));
      const after = show(analyse(`${pod('one')}\n---\n${pod('two')}`), before);
      assert.ok(second(after, 8).length === second(before).length && second(after, 8).every((d) => !before.diagnostics.includes(d)));
      assert.deepEqual(after.diagnostics, after.findings.map((f) => toDiagnostic(f, uri)));
    });

    it('finds them again after findings before them disappeared', () => {
      const before = show(analyse(`${pod('one')}---\n${pod('two')}`));
      const after = show(analyse(`${pod('one', false)}---\n${pod('two')}`), before);
      assert.ok(after.findings.length < before.findings.length, 'the fix removed a finding of the first document');
      assert.deepEqual(second(after).map((d) => second(before).indexOf(d)), second(before).map((_, i) => i));
      assert.deepEqual(after.diagnostics, after.findings.map((f) => toDiagnostic(f, uri)));
    });
  });

  it('never publishes suppressed findings', () => {
    const suppressed = { ...finding, suppressed: { via: 'comment' as const } };
    assert.deepEqual(toDiagnostics([suppressed], 'file:///role.yaml'), []);
  });

  it('places config problems on the config file, at line 1 when they have no place', () => {
    assert.deepEqual(configProblemDiagnostic({ file: '/x/.palisade.yaml', message: 'cannot read the config file: permission denied (EACCES)' }), {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      code: 'invalid-config',
      source: 'palisade',
      message: 'cannot read the config file: permission denied (EACCES)',
    });
  });
});
