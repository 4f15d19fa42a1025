import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, closeAllEditors, openFixture, waitForFinding, workspaceUri } from './helpers';

describe('commands', () => {
  before(activatePalisade);
  after(closeAllEditors);

  it('"Palisade: Export Report" writes a JSON report of the workspace', async () => {
    const target = workspaceUri('reports/palisade.json');
    await vscode.workspace.fs.createDirectory(workspaceUri('reports'));
    await vscode.commands.executeCommand('palisade.commands.exportReport', target, 'json');

    const report = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target))) as {
      files: Array<{ file?: string; path?: string; findings: Array<{ ruleId: string }> }>;
    };
    const daemonset = report.files.find((f) => (f.file ?? f.path ?? '').endsWith('unopened/daemonset.yaml'));
    assert.ok(daemonset, `the report should list unopened/daemonset.yaml, got ${JSON.stringify(report.files.map((f) => f.file ?? f.path))}`);
    assert.ok(daemonset.findings.some((f) => f.ruleId === 'privileged-container'));
  });

  it('"Palisade: Restart Server" brings the diagnostics back', async () => {
    const document = await openFixture('privileged.yaml');
    await waitForFinding(document.uri, 'privileged-container');
    await vscode.commands.executeCommand('palisade.commands.restartServer');
    await waitForFinding(document.uri, 'privileged-container');
  });
});
