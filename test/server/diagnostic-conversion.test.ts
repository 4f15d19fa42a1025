import * as assert from 'node:assert/strict';
import { LineIndex } from '../../rules/engine/text';
import type { WorkspaceFinding } from '../../rules/engine/workspace';
import { configProblemDiagnostic, toDiagnostic, toDiagnostics } from '../../server/src/lsp/diagnostics';
import { docsUrl } from '../../server/src/lsp/docs-url';

describe('language server: finding to diagnostic', () => {
  const text = 'kind: Role\nrules:\n  - resources: ["*"]\n    verbs: ["*"]\n';
  const other = 'apiVersion: v1\nkind: ServiceAccount\n';
  const finding: WorkspaceFinding = {
    ruleId: 'rbac-wildcard',
    severity: 'info',
    message: 'Wildcards.',
    start: 33,
    end: 36,
    range: { start: { line: 2, character: 15 }, end: { line: 2, character: 18 } },
    documentIndex: 0,
    path: 'rules[0].resources[0]',
    related: [{ start: 51, end: 54, message: '"*" in verbs' }],
    crossFileRelated: [{ file: 'file:///other.yaml', start: 21, end: 35, message: 'the account' }],
    fix: { title: 'Fix', edits: [] },
  };

  it('maps severity, code, docs link, data and same-file and cross-file related locations', () => {
    const d = toDiagnostic(finding, 'file:///role.yaml', new LineIndex(text), (uri) => (uri === 'file:///other.yaml' ? other : undefined));
    assert.deepEqual(d, {
      range: finding.range,
      severity: 3,
      code: 'rbac-wildcard',
      codeDescription: { href: docsUrl('rbac-wildcard') },
      source: 'palisade',
      message: 'Wildcards.',
      data: { key: 'rbac-wildcard#0#rules[0].resources[0]', fixable: true },
      relatedInformation: [
        { location: { uri: 'file:///role.yaml', range: { start: { line: 3, character: 12 }, end: { line: 3, character: 15 } } }, message: '"*" in verbs' },
        { location: { uri: 'file:///other.yaml', range: { start: { line: 1, character: 6 }, end: { line: 1, character: 20 } } }, message: 'the account' },
      ],
    });
  });

  it('never publishes suppressed findings', () => {
    const suppressed = { ...finding, suppressed: { via: 'comment' as const } };
    assert.deepEqual(toDiagnostics([suppressed], 'file:///role.yaml', text, () => undefined), []);
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
