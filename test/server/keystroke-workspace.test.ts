/**
 * Workspace rules are off the keystroke path: an edit publishes at once with the cross-file
 * findings it did not touch carried over (moved with the text), and the
 * workspace rules run once the folder is idle, publishing what they change.
 */
import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { buildServer, tempFolder } from './helpers';

const RULE = 'namespace-without-network-policy';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const pod = (name: string, namespace: string) =>
  lines('apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', '  containers:', '    - name: app', '      image: nginx:1.27');
const configMap = (...data: string[]) => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', ...data);
const policy = (namespace: string) =>
  lines('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: deny', `  namespace: ${namespace}`, 'spec:', '  podSelector: {}');
const file = (...documents: string[]) => documents.join('---\n');

const message = (kind: string, name: string, namespace: string) =>
  `The ${kind} "${name}" runs in namespace "${namespace}", which has no NetworkPolicy: its pods accept traffic from anywhere. Add a default-deny NetworkPolicy to "${namespace}" and allow only what the workload needs.`;

describe('language server: workspace rules after keystrokes', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();
  const uri = tmp.uri('all.yaml');

  /** The rule's findings of a publish, as [range, message] tuples. */
  const ruleFindings = (p: PublishDiagnosticsParams | undefined) => p?.diagnostics.filter((d) => d.code === RULE).map((d) => [rangeTuple(d.range), d.message]);
  /** The first publish of the file for a version (the keystroke one, before any workspace run). */
  const firstPublish = (version: number) => client.waitFor(`a publish of v${version}`, () => client.published.find((p) => p.uri === uri && p.version === version));

  before(async () => {
    buildServer();
    client = await LspClient.start({ workspaceFolders: [tmp.folderUri], settings: { '*': { profile: 'recommended' } } });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('keeps the shifted cross-file findings of unchanged documents in the first publish of an edit', async () => {
    await client.open(uri, file(configMap('  mode: fast'), pod('web', 'shop'), pod('api', 'cart'), policy('old')), 1);
    assert.deepEqual(ruleFindings(await firstPublish(1)), [
      [[11, 13, 11, 17], message('Pod', 'web', 'shop')],
      [[21, 13, 21, 17], message('Pod', 'api', 'cart')],
    ]);
    // One more line in the unrelated first document moves both findings down by a line.
    await client.change(uri, 2, [{ text: file(configMap('  mode: fast', '  level: high'), pod('web', 'shop'), pod('api', 'cart'), policy('old')) }]);
    assert.deepEqual(ruleFindings(await firstPublish(2)), [
      [[12, 13, 12, 17], message('Pod', 'web', 'shop')],
      [[22, 13, 22, 17], message('Pod', 'api', 'cart')],
    ]);
  });

  it('drops a cross-file finding that an edit resolves once the folder is idle', async () => {
    await client.change(uri, 3, [{ text: file(configMap('  mode: fast', '  level: high'), pod('web', 'shop'), pod('api', 'cart'), policy('cart')) }]);
    // Published at once, before the workspace rules ran: the unchanged documents keep theirs.
    assert.deepEqual(ruleFindings(await firstPublish(3)), [
      [[12, 13, 12, 17], message('Pod', 'web', 'shop')],
      [[22, 13, 22, 17], message('Pod', 'api', 'cart')],
    ]);
    const idle = await client.waitFor('the workspace run after the edit', () => {
      const latest = client.diagnostics.get(uri);
      return latest?.version === 3 && ruleFindings(latest)!.length === 1 && latest;
    });
    assert.deepEqual(ruleFindings(idle), [[[12, 13, 12, 17], message('Pod', 'web', 'shop')]]);
  });

  it('keeps a finding of the edited document that the edit did not touch until the idle run', async () => {
    // "web" becomes "web2" on the line above the finding: it stays (no flicker while typing),
    // with its old message until the workspace rules have run again.
    await client.change(uri, 4, [{ text: file(configMap('  mode: fast', '  level: high'), pod('web2', 'shop'), pod('api', 'cart'), policy('cart')) }]);
    assert.deepEqual(ruleFindings(await firstPublish(4)), [[[12, 13, 12, 17], message('Pod', 'web', 'shop')]]);
    const idle = await client.waitFor('the workspace run after the edit', () => {
      const latest = client.diagnostics.get(uri);
      return latest?.version === 4 && ruleFindings(latest)![0]?.[1] === message('Pod', 'web2', 'shop') && latest;
    });
    assert.deepEqual(ruleFindings(idle), [[[12, 13, 12, 17], message('Pod', 'web2', 'shop')]]);
    // Typing at the start of the finding changes its text: it goes at once.
    await client.change(uri, 5, [{ range: { start: { line: 12, character: 13 }, end: { line: 12, character: 13 } }, text: 'x' }]);
    assert.deepEqual(ruleFindings(await firstPublish(5)), []);
  });

  it('drops a finding whose own text the edit changed, and brings it back after the idle run', async () => {
    // Version 5 renamed the namespace to "xshop" by typing inside the finding: it went at once.
    const idle = await client.waitFor('the workspace run after the edit', () => {
      const latest = client.diagnostics.get(uri);
      return latest?.version === 5 && ruleFindings(latest)!.length === 1 && latest;
    });
    assert.deepEqual(ruleFindings(idle), [[[12, 13, 12, 18], message('Pod', 'web2', 'xshop')]]);
  });

  it('offers the quick fixes of a finding that an edit above it moved, once the idle run found it unchanged', async () => {
    const text = file(configMap('  mode: fast'), pod('web', 'shop'));
    const moved = uri.replace('all.yaml', 'moved.yaml');
    await client.open(moved, text, 1);
    await client.waitFor('the finding', () => client.diagnostics.get(moved)?.diagnostics.some((d) => d.code === RULE));
    // A line added to the first document moves the finding, which carries over without its fixes;
    // the idle run finds the same finding, so nothing is published again.
    const edited = file(configMap('  mode: fast', '  level: high'), pod('web', 'shop'));
    await client.change(moved, 2, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '  level: high\n' }]);
    const [diagnostic] = (await client.diagnosticsFor(moved, 2)).filter((d) => d.code === RULE);
    assert.deepEqual(rangeTuple(diagnostic.range), [12, 13, 12, 17]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const actions = await client.codeActions(moved, diagnostic.range, [diagnostic]);
    const deny = actions.find((a) => a.title === 'Add a default-deny NetworkPolicy for namespace "shop" (blocks all traffic not allowed by another policy)');
    assert.ok(deny, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    const change = deny.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, 2);
    // Appended at the end of the edited text, not of the text the rules first ran on.
    assert.deepEqual(
      (change.edits as TextEdit[]).map((e) => [rangeTuple(e.range), e.newText.split('\n')[0]]),
      [[[edited.split('\n').length - 1, 0, edited.split('\n').length - 1, 0], '---']],
    );
    await client.close(moved);
  });
});
