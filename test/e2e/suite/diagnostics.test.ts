import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, closeAllEditors, openFixture, rangeTuple, ruleIdOf, waitForFinding, waitForNoFinding } from './helpers';

describe('diagnostics', () => {
  before(activatePalisade);
  after(closeAllEditors);

  it('reports privileged-container on the value of privileged in an opened file', async () => {
    const document = await openFixture('privileged.yaml');
    const diagnostic = await waitForFinding(document.uri, 'privileged-container');
    assert.deepEqual(
      {
        range: rangeTuple(diagnostic.range),
        severity: diagnostic.severity,
        source: diagnostic.source,
        code: ruleIdOf(diagnostic),
        message: diagnostic.message,
        text: document.getText(diagnostic.range),
      },
      {
        range: [10, 20, 10, 24],
        severity: vscode.DiagnosticSeverity.Error,
        source: 'palisade',
        code: 'privileged-container',
        message: 'The container "shell" is privileged: it can take over the node. Set privileged: false.',
        text: 'true',
      },
    );
    const code = diagnostic.code;
    assert.ok(typeof code === 'object' && code.target.toString().includes('privileged-container'), 'the code links to the rule documentation');
  });

  it('checks an untitled buffer as it is typed, before any save', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: scratch\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
    });
    const editor = await vscode.window.showTextDocument(document);
    const diagnostic = await waitForFinding(document.uri, 'privileged-container');
    assert.deepEqual(rangeTuple(diagnostic.range), [9, 20, 9, 24]);

    await editor.edit((edit) => edit.replace(diagnostic.range, 'false'));
    await waitForNoFinding(document.uri, 'privileged-container');
  });
});
