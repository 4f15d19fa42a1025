import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { buildServer, PRIVILEGED_POD, tempFolder } from './helpers';

interface Summary {
  files: number;
  findings: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  suppressed: number;
  folders: number;
  cancelled: boolean;
  timeMs: number;
}

describe('language server: workspace scan', function () {
  this.timeout(60_000);
  let client: LspClient;
  const tmp = tempFolder();
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(tmp.dir, name)), { recursive: true });
    writeFileSync(path.join(tmp.dir, name), text);
  };
  const clean = PRIVILEGED_POD.replace('privileged: true', 'privileged: false');

  before(async () => {
    buildServer();
    write('.palisade.yaml', 'profile: pss-baseline\nexclude: ["vendor/**"]\n');
    write('.gitignore', 'generated/\n');
    write('apps/a.yaml', PRIVILEGED_POD);
    write('apps/b.yaml', PRIVILEGED_POD.replace('name: web', 'name: b'));
    write('apps/clean.yaml', clean);
    write('notes.yaml', 'title: not kubernetes\n');
    write('generated/g.yaml', PRIVILEGED_POD);
    write('vendor/v.yaml', PRIVILEGED_POD);
    write('hidden/h.yaml', PRIVILEGED_POD);
    client = await LspClient.start({ workspaceFolders: [tmp.folderUri], filesExclude: { '**/hidden': true } });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('publishes diagnostics for unopened files, with progress, and returns a summary', async () => {
    // An open, unsaved buffer wins over the file on disk.
    await client.open(tmp.uri('apps/b.yaml'), clean, 1);
    await client.diagnosticsFor(tmp.uri('apps/b.yaml'), 1);

    const summary = (await client.executeCommand('palisade.scanWorkspace')) as Summary;
    assert.deepEqual({ ...summary, timeMs: 0 }, {
      // a, b, clean and notes.yaml: non-Kubernetes YAML is read (and found silent), as in the CLI.
      files: 4,
      findings: 1,
      bySeverity: { error: 1, warning: 0, info: 0 },
      byRule: { 'privileged-container': 1 },
      suppressed: 0,
      folders: 1,
      cancelled: false,
      timeMs: 0,
    });

    const a = client.diagnostics.get(tmp.uri('apps/a.yaml'))!;
    assert.equal(a.version, undefined);
    assert.deepEqual(a.diagnostics.map((d) => [d.code, rangeTuple(d.range)]), [['privileged-container', [9, 20, 9, 24]]]);
    assert.deepEqual(client.diagnostics.get(tmp.uri('apps/b.yaml'))!.diagnostics, []);
    assert.deepEqual(client.diagnostics.get(tmp.uri('apps/clean.yaml'))!.diagnostics, []);
    for (const skipped of ['generated/g.yaml', 'vendor/v.yaml', 'hidden/h.yaml']) {
      assert.equal(client.diagnostics.get(tmp.uri(skipped)), undefined, `${skipped} is not scanned`);
    }

    const token = client.progressTokens.at(-1)!;
    const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.ok(kinds.includes('report'));
    const begin = client.progress.find((p) => p.token === token)!.value;
    assert.deepEqual(begin, { kind: 'begin', title: 'Palisade: scanning the workspace', cancellable: true, message: 'Finding files…', percentage: 0 });
    const lastReport = client.progress.filter((p) => p.token === token && p.value.kind === 'report').at(-1)!.value;
    assert.deepEqual(lastReport, { kind: 'report', percentage: 100, message: '4/4 files' });

    await client.waitFor('summary logged', () =>
      client.logs.find((l) => /^Palisade: scanned 4 files in \d+ ms: 1 findings \(1 errors, 0 warnings, 0 info\), 0 suppressed\. By rule: privileged-container 1\.$/.test(l)),
    );
  });

  it('clears a deleted file on the watcher event, and a fixed or vanished file on the next scan', async () => {
    unlinkSync(path.join(tmp.dir, 'apps/a.yaml'));
    await client.filesChanged([{ uri: tmp.uri('apps/a.yaml'), type: FileChangeType.Deleted }]);
    await client.waitFor('deleted file cleared', () => client.diagnostics.get(tmp.uri('apps/a.yaml'))?.diagnostics.length === 0);

    write('apps/later.yaml', PRIVILEGED_POD);
    write('apps/fixme.yaml', PRIVILEGED_POD);
    await client.executeCommand('palisade.scanWorkspace');
    assert.equal(client.diagnostics.get(tmp.uri('apps/later.yaml'))!.diagnostics.length, 1);
    assert.equal(client.diagnostics.get(tmp.uri('apps/fixme.yaml'))!.diagnostics.length, 1);

    // No watcher events this time: the scan itself notices.
    unlinkSync(path.join(tmp.dir, 'apps/later.yaml'));
    write('apps/fixme.yaml', clean);
    const summary = (await client.executeCommand('palisade.scanWorkspace')) as Summary;
    assert.equal(summary.findings, 0);
    assert.deepEqual(client.diagnostics.get(tmp.uri('apps/later.yaml'))!.diagnostics, []);
    assert.deepEqual(client.diagnostics.get(tmp.uri('apps/fixme.yaml'))!.diagnostics, []);
  });

  it('keeps a scanned file updated from disk changes, and from the buffer while it is open', async () => {
    const uri = tmp.uri('apps/fixme.yaml');
    write('apps/fixme.yaml', PRIVILEGED_POD);
    await client.filesChanged([{ uri, type: FileChangeType.Changed }]);
    await client.waitFor('disk change analysed', () => client.diagnostics.get(uri)?.diagnostics.length === 1);
    await client.open(uri, clean, 7);
    assert.deepEqual(await client.diagnosticsFor(uri, 7), []);
    // Closing an unsaved buffer of a scanned file shows what is on disk again.
    await client.close(uri);
    await client.waitFor('disk content shown after close', () => {
      const p = client.diagnostics.get(uri);
      return p !== undefined && p.version === undefined && p.diagnostics.length === 1;
    });
  });

  it('exports the scan as SARIF and JSON', async () => {
    const sarifPath = path.join(tmp.dir, 'report.sarif');
    const result = (await client.executeCommand('palisade.exportReport', { format: 'sarif', uri: tmp.uri('report.sarif') })) as { path: string; format: string };
    assert.deepEqual([result.path, result.format], [sarifPath, 'sarif']);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
    assert.deepEqual(
      sarif.runs[0].results.map((r: { ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => [
        r.ruleId,
        r.locations[0].physicalLocation.artifactLocation.uri,
      ]),
      [['privileged-container', 'apps/fixme.yaml']],
    );
    const jsonPath = path.join(tmp.dir, 'report.json');
    await client.executeCommand('palisade.exportReport', 'json', jsonPath);
    const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    assert.deepEqual(json.summary.byRule, { 'privileged-container': 1 });
  });

  it('stops when the user cancels the progress, and says so', async () => {
    for (let i = 0; i < 1500; i++) write(`many/pod-${i}.yaml`, PRIVILEGED_POD);
    const tokens = client.progressTokens.length;
    const scan = client.executeCommand('palisade.scanWorkspace') as Promise<Summary>;
    const token = await client.waitFor('the scan progress', () => client.progressTokens[tokens]);
    await client.cancelProgress(token);
    const summary = await scan;
    assert.equal(summary.cancelled, true);
    assert.ok(summary.files < 1500, `only part of the files were analysed (${summary.files})`);
    assert.equal(client.progress.filter((p) => p.token === token).at(-1)!.value.kind, 'end');
    await client.waitFor('cancellation logged', () => client.logs.find((l) => l.startsWith('Palisade: scan cancelled after ')));
  });
});
