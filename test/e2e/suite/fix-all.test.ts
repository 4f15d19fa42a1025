/**
 * Fix-all applies every safe `fix` of a file at once, never a suggestion: through the palette
 * command and through the `source.fixAll.palisade` code action (what `editor.codeActionsOnSave`
 * runs).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, applyCodeAction, closeAllEditors, codeActionsAt, lines, openFixture, ruleIdsOf, waitFor, waitForFinding } from './helpers';

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('palisade');

describe('fix all', () => {
  before(activatePalisade);
  after(closeAllEditors);

  it('"Palisade: Fix all auto-fixable problems" adds -y and replaces ADD with COPY in a Dockerfile', async () => {
    const document = await openFixture('docker/build.dockerfile');
    await waitForFinding(document.uri, 'add-instead-of-copy');
    await waitForFinding(document.uri, 'apt-get-install-hygiene');

    await vscode.commands.executeCommand('palisade.commands.fixAll');
    const expected = lines(
      '# The Dockerfile fix-all test edits this file.',
      'FROM debian:12.5',
      'RUN apt-get update \\',
      ' && apt-get install -y --no-install-recommends curl \\',
      ' && rm -rf /var/lib/apt/lists/*',
      'copy app.conf /etc/app/',
      'USER 10001',
      'CMD ["/usr/local/bin/app"]',
    );
    await waitFor('the fixed text in the editor', () => document.getText() === expected);
    await waitFor('no finding left in docker/build.dockerfile', () => ruleIdsOf(document.uri).length === 0);
    await document.save();
  });

  it('the source.fixAll.palisade action fixes a Containerfile and keeps suggestions out', async () => {
    const document = await openFixture('docker/Containerfile');
    assert.equal(document.languageId, 'dockerfile');
    await waitForFinding(document.uri, 'maintainer-deprecated');
    await waitForFinding(document.uri, 'package-cache-not-cleaned');

    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActionsAt(document.uri, whole, FIX_ALL_KIND);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value]),
      [['Fix all auto-fixable Palisade problems', 'source.fixAll.palisade']],
    );
    await applyCodeAction(actions, 'Fix all auto-fixable Palisade problems');
    assert.equal(
      document.getText(),
      lines(
        '# The source.fixAll.palisade test edits this file.',
        'FROM alpine:3.20',
        'LABEL org.opencontainers.image.authors="Platform Team <platform@example.com>"',
        'RUN apk add --no-cache curl',
        'USER 10001',
        'CMD ["/usr/local/bin/app"]',
      ),
    );
    await waitFor('no finding left in docker/Containerfile', () => ruleIdsOf(document.uri).length === 0);
    await document.save();
  });

  it('fix-all on a manifest applies no suggestion', async () => {
    const document = await openFixture('privileged.yaml');
    await waitForFinding(document.uri, 'privileged-container');
    const before = document.getText();
    const actions = await codeActionsAt(document.uri, new vscode.Range(0, 0, document.lineCount, 0), FIX_ALL_KIND);
    // privileged: false is a suggestion (it can break the workload), so there is nothing safe to fix.
    assert.deepEqual(actions.map((a) => a.title), []);
    assert.equal(document.getText(), before);
  });
});
