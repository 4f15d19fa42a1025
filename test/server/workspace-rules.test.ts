import * as assert from 'node:assert/strict';
import { unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type TextDocumentEdit } from 'vscode-languageserver/node';
import { applyTextEdits, LspClient, rangeTuple } from '../harness/lsp-client';
import { buildServer, PRIVILEGED_POD, tempFolder } from './helpers';

const RULE = 'namespace-without-network-policy';
const POD = PRIVILEGED_POD.replace('  name: web\n', '  name: web\n  namespace: shop\n');
const POLICY = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n';

describe('language server: workspace rules over the index', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();
  const podUri = tmp.uri('pod.yaml');
  const policyUri = tmp.uri('policy.yaml');
  const networkFindings = () => client.diagnostics.get(podUri)?.diagnostics.filter((d) => d.code === RULE);

  before(async () => {
    buildServer();
    client = await LspClient.start({ workspaceFolders: [tmp.folderUri], settings: { '*': { profile: 'recommended' } } });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('reports the cross-file finding, and drops it when another file adds a NetworkPolicy', async () => {
    await client.open(podUri, POD, 1);
    await client.diagnosticsFor(podUri, 1);
    assert.deepEqual(
      networkFindings()!.map((d) => [rangeTuple(d.range), d.severity, d.source, d.codeDescription?.href.endsWith(`#${RULE}`)]),
      [[[4, 13, 4, 17], 2, 'palisade', true]],
    );
    writeFileSync(path.join(tmp.dir, 'policy.yaml'), POLICY);
    await client.filesChanged([{ uri: policyUri, type: FileChangeType.Created }]);
    await client.waitFor('finding dropped once the policy exists', () => networkFindings()?.length === 0);

    unlinkSync(path.join(tmp.dir, 'policy.yaml'));
    await client.filesChanged([{ uri: policyUri, type: FileChangeType.Deleted }]);
    await client.waitFor('finding back once the policy is gone', () => networkFindings()?.length === 1);
  });

  it('offers the rule suggestions as quick fixes; applying one removes the finding', async () => {
    const [diagnostic] = networkFindings()!;
    const actions = await client.codeActions(podUri, diagnostic.range, [diagnostic]);
    const deny = actions.find((a) => a.title === 'Add a default-deny NetworkPolicy for namespace "shop" (blocks all traffic not allowed by another policy)');
    assert.ok(deny, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(deny.isPreferred, undefined);
    const change = deny.edit!.documentChanges![0] as TextDocumentEdit;
    const text = applyTextEdits(POD, change.edits as never);
    assert.ok(text.startsWith(`${POD}---\n`), 'the policy is appended as a new document');
    await client.change(podUri, 2, [{ text }]);
    await client.diagnosticsFor(podUri, 2);
    // Workspace rules run once the folder is idle after a keystroke, not in the keystroke's publish.
    await client.waitFor('finding dropped once the workspace rules ran', () => networkFindings()?.length === 0);
    assert.equal(client.diagnostics.get(podUri)?.version, 2);
  });
});
