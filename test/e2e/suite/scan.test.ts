import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, rangeTuple, waitForFinding, workspaceUri } from './helpers';

describe('workspace scan', () => {
  before(activatePalisade);

  it('"Palisade: Scan Workspace" reports problems in files that were never opened', async () => {
    const unopened = workspaceUri('unopened/daemonset.yaml');
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>('palisade.commands.scanWorkspace');
    assert.ok(summary && summary.files >= 4, `the scan should cover the fixture files, got ${JSON.stringify(summary)}`);

    const diagnostic = await waitForFinding(unopened, 'privileged-container');
    assert.deepEqual(rangeTuple(diagnostic.range), [19, 24, 19, 28]);
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()),
      'the file must not have been opened',
    );
  });
});
