import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { buildServer, PRIVILEGED_POD, tempFolder } from './helpers';

describe('language server: .palisade.yaml', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();
  const configPath = path.join(tmp.dir, '.palisade.yaml');
  const configUri = tmp.uri('.palisade.yaml');

  before(async () => {
    buildServer();
    writeFileSync(configPath, 'profile: ultra\nrules:\n  no-such-rule: off\n');
    client = await LspClient.start({ workspaceFolders: [tmp.folderUri] });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('publishes config errors on the config file itself, at their place', async () => {
    const diagnostics = await client.diagnosticsFor(configUri);
    assert.deepEqual(
      diagnostics.map((d) => [rangeTuple(d.range), d.severity, d.code, d.source, d.message]),
      [
        [[0, 9, 0, 14], 1, 'invalid-config', 'palisade', 'profile must be one of pss-baseline, pss-restricted, recommended, strict; got "ultra".'],
        [[2, 2, 2, 14], 1, 'invalid-config', 'palisade', 'Unknown rule "no-such-rule". Run `palisade rules` to list rule ids.'],
      ],
    );
  });

  it('watches the config file: a fixed config clears its errors and applies to open files', async () => {
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), 'the server registers its file watchers');
    const uri = tmp.uri('pod.yaml');
    await client.open(uri, PRIVILEGED_POD, 1);
    const before = await client.diagnosticsFor(uri, 1);
    assert.ok(before.length > 1, 'an invalid config is not applied: the default profile reports more than one finding');

    const count = client.published.length;
    writeFileSync(configPath, 'profile: pss-baseline\nrules:\n  privileged-container: warning\n');
    await client.filesChanged([{ uri: configUri, type: FileChangeType.Changed }]);
    await client.waitFor('config errors cleared', () => client.published.slice(count).some((p) => p.uri === configUri && p.diagnostics.length === 0));
    const after = await client.waitFor('pod re-analysed with the new config', () =>
      client.published.slice(count).find((p) => p.uri === uri),
    );
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.severity, rangeTuple(d.range)]), [['privileged-container', 2, [9, 20, 9, 24]]]);
  });

  it('lets editor settings override the config file', async () => {
    const uri = tmp.uri('pod.yaml');
    const count = client.published.length;
    await client.changeSettings({ '*': { rules: { 'privileged-container': 'info' } } });
    const after = await client.waitFor('settings applied', () => client.published.slice(count).find((p) => p.uri === uri));
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.severity]), [['privileged-container', 3]]);
  });

  it('checks an open config buffer as it is typed', async () => {
    await client.open(configUri, 'profile: pss-baseline\n', 1);
    assert.deepEqual(await client.diagnosticsFor(configUri, 1), []);
    await client.change(configUri, 2, [{ text: 'profile: pss-baseline\nexclude: vendor\n' }]);
    const diagnostics = await client.diagnosticsFor(configUri, 2);
    assert.deepEqual(diagnostics.map((d) => [rangeTuple(d.range), d.message]), [[[1, 9, 1, 15], 'exclude must be a list of strings.']]);
    // Hovering the config file is not a manifest analysis: its problems stay.
    assert.equal(await client.hover(configUri, 1, 10), null);
    assert.equal(client.diagnostics.get(configUri)!.diagnostics.length, 1);
  });

  it('skips files matched by palisade.exclude (relative to the workspace folder)', async () => {
    await client.changeSettings({ '*': { exclude: ['generated/**'] } });
    const skipped = tmp.uri('generated/pod.yaml');
    const checked = tmp.uri('src/pod.yaml');
    await client.open(skipped, PRIVILEGED_POD, 1);
    await client.open(checked, PRIVILEGED_POD, 1);
    assert.deepEqual(await client.diagnosticsFor(skipped, 1), []);
    assert.deepEqual((await client.diagnosticsFor(checked, 1)).map((d) => d.code), ['privileged-container']);
  });
});
