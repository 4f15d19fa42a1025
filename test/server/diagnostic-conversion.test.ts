import * as assert from 'node:assert/strict';
import type { WorkspaceFinding } from '../../rules/engine/workspace';
import { configProblemDiagnostic, isDiagnosticOf, toDiagnostic, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { docsUrl } from '../../server/src/lsp/docs-url';

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
