import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { applyTextEdits, LspClient } from '../harness/lsp-client';
import { BASELINE, buildServer, PRIVILEGED_POD, tempFolder } from './helpers';

/** The single versioned document edit an action carries: [uri, version, resulting text]. */
function applyAction(action: CodeAction, text: string): { uri: string; version: number | null; text: string } {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return { uri: change.textDocument.uri, version: change.textDocument.version, text: applyTextEdits(text, change.edits as never) };
}

describe('language server: code actions', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();
  let counter = 0;

  before(async () => {
    buildServer();
    client = await LspClient.start({ settings: BASELINE });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  async function openWithFinding(text: string): Promise<{ uri: string; diagnostic: Diagnostic; actions: CodeAction[] }> {
    const uri = tmp.uri(`actions-${++counter}.yaml`);
    await client.open(uri, text, 1);
    const [diagnostic] = await client.diagnosticsFor(uri, 1);
    assert.equal(diagnostic.code, 'privileged-container');
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    return { uri, diagnostic, actions };
  }

  /** Sends the edited text as the next version and returns its diagnostics. */
  async function resend(uri: string, text: string): Promise<Diagnostic[]> {
    await client.change(uri, 2, [{ text }]);
    return client.diagnosticsFor(uri, 2);
  }

  it('offers the fix, the suggestions and both suppressions, each with the diagnostic and the document version', async () => {
    const { uri, diagnostic, actions } = await openWithFinding(PRIVILEGED_POD);
    const titles = actions.map((a) => [a.title, a.kind, a.isPreferred === true]);
    const ignore = [
      ['Ignore privileged-container for this object', 'quickfix', false],
      ['Ignore privileged-container for this line', 'quickfix', false],
    ];
    assert.deepEqual(titles.slice(-2), ignore);
    // privileged-container has suggestions only (dropping privileges can break the workload): none is preferred.
    assert.equal(titles.filter(([, , preferred]) => preferred).length, 0);
    assert.ok(titles.length > 2, 'the rule suggestions come before the two suppressions');
    for (const action of actions) {
      assert.deepEqual(action.diagnostics, [diagnostic]);
      const { uri: target, version } = applyAction(action, PRIVILEGED_POD);
      assert.deepEqual([target, version], [uri, 1]);
    }
  });

  it('"Ignore for this line" inserts an indented comment above and the finding goes away', async () => {
    const { uri, actions } = await openWithFinding(PRIVILEGED_POD);
    const action = actions.find((a) => a.title === 'Ignore privileged-container for this line')!;
    const { text } = applyAction(action, PRIVILEGED_POD);
    assert.equal(text, PRIVILEGED_POD.replace('        privileged: true', '        # palisade-ignore privileged-container\n        privileged: true'));
    assert.deepEqual(await resend(uri, text), []);
  });

  it('"Ignore for this object" adds the annotation to the object and the finding goes away', async () => {
    const { uri, actions } = await openWithFinding(PRIVILEGED_POD);
    const action = actions.find((a) => a.title === 'Ignore privileged-container for this object')!;
    const { text } = applyAction(action, PRIVILEGED_POD);
    assert.equal(text, PRIVILEGED_POD.replace('  name: web\n', '  name: web\n  annotations:\n    palisade.dev/ignore: privileged-container\n'));
    assert.deepEqual(await resend(uri, text), []);
  });

  it('"Ignore for this object" extends an existing ignore annotation, in a flow map', async () => {
    const source = PRIVILEGED_POD.replace('metadata:\n  name: web\n', 'metadata: {name: web, annotations: {palisade.dev/ignore: host-network}}\n');
    const { uri, actions } = await openWithFinding(source);
    const action = actions.find((a) => a.title === 'Ignore privileged-container for this object')!;
    const { text } = applyAction(action, source);
    assert.equal(text, source.replace('palisade.dev/ignore: host-network', 'palisade.dev/ignore: "host-network, privileged-container"'));
    assert.deepEqual(await resend(uri, text), []);
  });

  it('keeps CRLF line breaks in suppression edits', async () => {
    const source = PRIVILEGED_POD.replace(/\n/g, '\r\n');
    const { uri, actions } = await openWithFinding(source);
    const line = applyAction(actions.find((a) => a.title.endsWith('for this line'))!, source).text;
    assert.equal(line, source.replace('        privileged: true', '        # palisade-ignore privileged-container\r\n        privileged: true'));
    const object = applyAction(actions.find((a) => a.title.endsWith('for this object'))!, source).text;
    assert.ok(!/[^\r]\n/.test(object), 'every inserted line ends with CRLF');
    assert.deepEqual(await resend(uri, object), []);
  });

  it('answers source.fixAll.palisade with nothing when no finding has a safe fix (a rule fix is tested in transport.test.ts)', async () => {
    const { uri, diagnostic } = await openWithFinding(PRIVILEGED_POD);
    const actions = await client.codeActions(uri, diagnostic.range, [], ['source.fixAll.palisade']);
    const result = (await client.executeCommand('palisade.fixAll', { uri, version: 1 })) as { applied: boolean };
    assert.deepEqual(actions, []);
    assert.deepEqual(result, { applied: false });
  });

  it('finds the finding of a diagnostic that is a version behind by its rule under the cursor', async () => {
    const { uri, diagnostic } = await openWithFinding(PRIVILEGED_POD);
    // Two lines inserted above: the client still holds the old diagnostic, the server has analysed version 2.
    const moved = PRIVILEGED_POD.replace('metadata:\n', 'metadata:\n  labels:\n    app: web\n');
    await client.change(uri, 2, [{ text: moved }]);
    const cursor = { start: { line: diagnostic.range.start.line + 2, character: diagnostic.range.start.character }, end: { line: diagnostic.range.start.line + 2, character: diagnostic.range.start.character } };
    const actions = await client.codeActions(uri, cursor, [diagnostic]);
    const line = actions.find((a) => a.title === 'Ignore privileged-container for this line')!;
    const edit = (line.edit!.documentChanges![0] as TextDocumentEdit).edits[0];
    assert.deepEqual(edit.range.start, { line: diagnostic.range.start.line + 2, character: 0 });
  });

  it('serves the suggestion and the object suppression of a kind whose YAML the server does not keep (read again on demand)', async () => {
    const recommended = await LspClient.start({ settings: { '*': { profile: 'recommended' } } });
    try {
      const uri = tmp.uri('constraint.yaml');
      const text = [
        'apiVersion: constraints.gatekeeper.sh/v1beta1',
        'kind: K8sAllowedRepos',
        'metadata:',
        '  name: prod-repos',
        'spec:',
        '  parameters:',
        '    repos: ["registry.example.com", "docker.io/acme/"]',
        '',
      ].join('\n');
      await recommended.open(uri, text, 1);
      const diagnostic = (await recommended.diagnosticsFor(uri, 1)).find((d) => d.code === 'gatekeeper-open-repo-prefix')!;
      assert.deepEqual(diagnostic.range, { start: { line: 6, character: 12 }, end: { line: 6, character: 34 } });
      const actions = await recommended.codeActions(uri, diagnostic.range, [diagnostic]);
      const byTitle = (title: string) => applyAction(actions.find((a) => a.title === title)!, text).text;
      assert.equal(
        byTitle('Write "registry.example.com/" (allow only repositories under it)'),
        text.replace('["registry.example.com", ', '["registry.example.com/", '),
      );
      assert.equal(
        byTitle('Ignore gatekeeper-open-repo-prefix for this object'),
        text.replace('  name: prod-repos\n', '  name: prod-repos\n  annotations:\n    palisade.dev/ignore: gatekeeper-open-repo-prefix\n'),
      );
    } finally {
      await recommended.stop();
    }
  });
});
