import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, closeAllEditors, findingsFor, openFixture, setSetting, waitFor, waitForFinding, waitForNoFinding } from './helpers';

describe('settings apply without a reload', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activatePalisade();
    document = await openFixture('privileged.yaml');
    await waitForFinding(document.uri, 'privileged-container');
  });
  after(closeAllEditors);

  it('palisade.rules can turn a rule off and back on', async () => {
    const restore = await setSetting('rules', { 'privileged-container': 'off' });
    try {
      await waitForNoFinding(document.uri, 'privileged-container');
    } finally {
      await restore();
    }
    await waitForFinding(document.uri, 'privileged-container');
  });

  it('palisade.rules can change a rule severity', async () => {
    const restore = await setSetting('rules', { 'privileged-container': 'warning' });
    try {
      await waitFor('privileged-container reported as a warning', () =>
        findingsFor(document.uri, 'privileged-container').find((d) => d.severity === vscode.DiagnosticSeverity.Warning),
      );
    } finally {
      await restore();
    }
    await waitFor('privileged-container back to an error', () =>
      findingsFor(document.uri, 'privileged-container').find((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
  });

  it('palisade.profile pss-baseline keeps baseline findings and drops restricted ones', async () => {
    await waitForFinding(document.uri, 'run-as-non-root');
    const restore = await setSetting('profile', 'pss-baseline');
    try {
      await waitForNoFinding(document.uri, 'run-as-non-root');
      assert.equal(findingsFor(document.uri, 'privileged-container').length, 1, 'privileged-container is a baseline control');
    } finally {
      await restore();
    }
    await waitForFinding(document.uri, 'run-as-non-root');
  });
});
