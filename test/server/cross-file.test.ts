/**
 * Every workspace rule of the registry over a real JSON-RPC connection: a multi-file workspace
 * folder per rule (test/fixtures/cross-file.ts), the exact diagnostic in the file the user has
 * open (with related locations in the other files), and the diagnostic gone once another file
 * is fixed on disk (a watched-file change) or, when the fix belongs to the open file, as typed.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver/node';
import { analyzeFile } from '../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import { RULES } from '../../rules/index';
import { ruleOptions } from '../../server/src/workspace/scan';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { CROSS_FILE_FIXTURES, workspaceRuleIds, type ExpectedFinding } from '../fixtures/cross-file';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { buildServer, tempFolder } from './helpers';

/** A fixture written to its own workspace folder, with its URIs. */
class FixtureFolder {
  readonly dir: string;
  readonly folderUri: string;

  constructor(root: string, ruleId: string) {
    this.dir = path.join(root, ruleId);
    this.folderUri = pathToFileURL(this.dir).href;
  }

  uri(file: string): string {
    return pathToFileURL(path.join(this.dir, file)).href;
  }

  relative(uri: string): string {
    return uri.startsWith(`${this.folderUri}/`) ? uri.slice(this.folderUri.length + 1) : uri;
  }

  write(file: string, text: string): void {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), text);
  }
}

/** A diagnostic in the fixture table's terms: relative files, range tuples, related locations. */
function asExpected(folder: FixtureFolder, file: string, d: Diagnostic): ExpectedFinding {
  return {
    file,
    range: rangeTuple(d.range),
    message: String(d.message),
    related: (d.relatedInformation ?? []).map((r) => ({ file: folder.relative(r.location.uri), range: rangeTuple(r.location.range), message: r.message })),
  };
}

/** Polls until `probe()` deep-equals `expected` (the index catches up asynchronously), then compares once more for the diff. */
async function eventually<T>(probe: () => T, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (JSON.stringify(probe()) !== JSON.stringify(expected) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(probe(), expected);
}

describe('language server: every workspace rule across files', function () {
  this.timeout(120_000);
  let client: LspClient;
  const tmp = tempFolder();
  const folders = new Map(Object.keys(CROSS_FILE_FIXTURES).map((id) => [id, new FixtureFolder(tmp.dir, id)]));

  before(async () => {
    buildServer();
    for (const [id, fixture] of Object.entries(CROSS_FILE_FIXTURES)) {
      for (const [file, text] of Object.entries(fixture.files)) folders.get(id)!.write(file, text);
    }
    // One workspace folder per fixture: workspace rules never look across folders.
    client = await LspClient.start({ workspaceFolders: [...folders.values()].map((f) => f.folderUri), settings: { '*': { profile: 'strict' } } });
  });
  after(async () => {
    await client.stop();
    tmp.dispose();
  });

  it('has a fixture for every workspace rule of the registry, and none for other rules', () => {
    assert.deepEqual(Object.keys(CROSS_FILE_FIXTURES).sort(), workspaceRuleIds().sort());
  });

  for (const ruleId of workspaceRuleIds()) {
    it(`${ruleId}: reported with its related locations, gone after the fix`, async () => {
      const fixture = CROSS_FILE_FIXTURES[ruleId];
      assert.ok(fixture, `${ruleId} has no fixture in test/fixtures/cross-file.ts: add a multi-file workspace where it fires`);
      assert.ok(fixture.findings.length > 0, `the fixture of ${ruleId} expects no finding`);
      const folder = folders.get(ruleId)!;
      const opened = [...new Set(fixture.findings.map((f) => f.file))];
      for (const file of opened) await client.open(folder.uri(file), fixture.files[file], 1);
      const observed = () =>
        opened.flatMap((file) => (client.diagnostics.get(folder.uri(file))?.diagnostics ?? []).filter((d) => d.code === ruleId).map((d) => asExpected(folder, file, d)));
      await eventually(observed, fixture.findings);

      const changes: FileEvent[] = [];
      for (const [file, text] of Object.entries(fixture.fix)) {
        if (opened.includes(file)) {
          assert.ok(text !== null, 'a fixture cannot delete an open file');
          await client.change(folder.uri(file), 2, [{ text }]);
          continue;
        }
        const existed = existsSync(path.join(folder.dir, file));
        if (text === null) unlinkSync(path.join(folder.dir, file));
        else folder.write(file, text);
        const type = text === null ? FileChangeType.Deleted : existed ? FileChangeType.Changed : FileChangeType.Created;
        changes.push({ uri: folder.uri(file), type });
      }
      if (changes.length > 0) await client.filesChanged(changes);
      await eventually(observed, []);
      for (const file of opened) await client.close(folder.uri(file));
    });
  }
});

describe('workspace index: stale cross-file findings', () => {
  const config = { ...defaultConfig(), profile: 'strict' as const };
  const policy = { rules: resolveRules(RULES, config), options: ruleOptions(config) };
  const fixture = CROSS_FILE_FIXTURES['namespace-without-network-policy'];
  const text = fixture.files['deploy.yaml'];
  const uri = 'file:///w/deploy.yaml';

  it('stays stale until the rules run, even when the same text is recorded again (a scan racing the startup index)', () => {
    const index = new WorkspaceIndex();
    const file = index.entry(uri, '/w');
    assert.equal(index.record(file, text, analyzeFile('/w/deploy.yaml', text, policy.rules, policy.options, file.cache)), true);
    // The second reader's objects come from the cache: unchanged, yet the group's findings were never computed.
    assert.equal(index.record(file, text, analyzeFile('/w/deploy.yaml', text, policy.rules, policy.options, file.cache)), false);
    assert.equal(index.isStale('/w'), true);
    assert.deepEqual([...index.runWorkspaceRules('/w', policy)], [uri]);
    assert.ok(index.findingsOf(uri).some((f) => f.ruleId === 'namespace-without-network-policy'));
    assert.equal(index.isStale('/w'), false);
    assert.equal(index.remove(uri), true);
    assert.equal(index.isStale('/w'), true);
  });
});
