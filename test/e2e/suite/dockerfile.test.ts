/**
 * Dockerfiles in VS Code: the client hands them to the server by language (`dockerfile`, which
 * VS Code's built-in Docker extension gives Dockerfile, Containerfile, *.dockerfile...) and by
 * file name when the editor has no Dockerfile language.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activatePalisade, closeAllEditors, findingsFor, openFixture, rangeTuple, ruleIdOf, waitFor, waitForFinding } from './helpers';

/** What a diagnostic shows, as one comparable tuple. */
function shown(document: vscode.TextDocument, diagnostic: vscode.Diagnostic) {
  return {
    code: ruleIdOf(diagnostic),
    range: rangeTuple(diagnostic.range),
    severity: diagnostic.severity,
    text: document.getText(diagnostic.range),
    message: diagnostic.message,
  };
}

describe('Dockerfiles', () => {
  before(activatePalisade);
  after(closeAllEditors);

  it('reports the problems of an insecure Dockerfile with exact ranges', async () => {
    const document = await openFixture('docker/Dockerfile');
    assert.equal(document.languageId, 'dockerfile');
    const expected = ['final-user-root', 'remote-script-piped-to-shell', 'tls-verification-disabled'];
    const diagnostics = await waitFor(`${expected.join(', ')} in docker/Dockerfile`, () => {
      const found = expected.map((id) => findingsFor(document.uri, id));
      return found.every((f) => f.length === 1) && found.map((f) => f[0]);
    });
    assert.deepEqual(
      diagnostics.map((d) => shown(document, d)),
      [
        {
          code: 'final-user-root',
          range: [1, 0, 1, 4],
          severity: vscode.DiagnosticSeverity.Warning,
          text: 'FROM',
          message: 'The final stage sets no USER, so the container runs as root. Add `USER 10001` (a non-root numeric id) before CMD/ENTRYPOINT.',
        },
        {
          code: 'remote-script-piped-to-shell',
          range: [5, 4, 5, 55],
          severity: vscode.DiagnosticSeverity.Error,
          text: 'curl -fsSLk https://get.example.com/install.sh | sh',
          message: 'A script downloaded with curl is piped into sh unverified. Download it to a file, check its sha256, then run it.',
        },
        {
          code: 'tls-verification-disabled',
          range: [5, 9, 5, 15],
          severity: vscode.DiagnosticSeverity.Error,
          text: '-fsSLk',
          message: 'Curl -k/--insecure accepts any certificate. Remove it; trust a private CA by adding it to the image instead.',
        },
      ],
    );
  });

  it('checks an untitled dockerfile buffer', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'FROM alpine:3.20\nADD app.conf /etc/app/\nUSER 10001\n' });
    await vscode.window.showTextDocument(document);
    const diagnostic = await waitForFinding(document.uri, 'add-instead-of-copy');
    assert.deepEqual(rangeTuple(diagnostic.range), [1, 0, 1, 3]);
  });

  it('offers the Dockerfile snippets (contributes.snippets) in a dockerfile buffer', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: 'palisade-' });
    await vscode.window.showTextDocument(document);
    const labels = await waitFor('the palisade-* snippets in the completion list', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 9));
      const snippets = list.items
        .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
        .map((item) => (typeof item.label === 'string' ? item.label : item.label.label))
        .filter((label) => label.startsWith('palisade-'));
      return snippets.length > 0 && snippets.sort();
    });
    assert.deepEqual(labels, ['palisade-apk', 'palisade-apt-get', 'palisade-dockerfile', 'palisade-dockerfile-user']);
  });

  it('checks a file named Dockerfile that the editor opens as plain text', async () => {
    const files = vscode.workspace.getConfiguration('files');
    const previous = files.inspect('associations')?.workspaceValue;
    await files.update('associations', { '**/plain/Dockerfile': 'plaintext' }, vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openFixture('docker/plain/Dockerfile');
      assert.equal(document.languageId, 'plaintext');
      const diagnostic = await waitForFinding(document.uri, 'add-instead-of-copy');
      assert.deepEqual(shown(document, diagnostic), {
        code: 'add-instead-of-copy',
        range: [2, 0, 2, 3],
        severity: vscode.DiagnosticSeverity.Warning,
        text: 'ADD',
        message: 'ADD copies local "app.conf" here: use COPY, which does only that.',
      });
    } finally {
      await vscode.workspace.getConfiguration('files').update('associations', previous, vscode.ConfigurationTarget.Workspace);
    }
  });
});
