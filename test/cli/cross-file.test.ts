/**
 * `palisade scan` over the multi-file workspaces of test/fixtures/cross-file.ts (one per
 * workspace rule): the exact cross-file findings per file, gone after the fix; and the language
 * server, scanning the same folders, publishes exactly what the CLI reports, so the editor and
 * the pipeline provably agree.
 */
import { strict as assert } from 'node:assert';
import { unlinkSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { CROSS_FILE_FIXTURES, workspaceRuleIds, type RangeTuple } from '../fixtures/cross-file';
import { LspClient, rangeTuple } from '../harness/lsp-client';
import { buildCli, makeTree, removeTree, runCli, writeTree, type JsonFindingLike, type JsonReportLike } from './helpers';

const STRICT = ['--format', 'json', '--profile', 'strict'];

type JsonFinding = JsonFindingLike & { message: string };
/** [file, ruleId, range, severity, message] */
type FindingTuple = [string, string, RangeTuple, string, string];

/** Scans `root` as the pipeline would: `palisade scan <root>` run from the folder itself. */
function scan(root: string): Array<{ path: string; findings: JsonFinding[] }> {
  const run = runCli(['scan', root, ...STRICT], root);
  assert.equal(run.stderr, '');
  return (JSON.parse(run.stdout) as JsonReportLike).files as Array<{ path: string; findings: JsonFinding[] }>;
}

function cliTuples(root: string, keep: (f: JsonFinding) => boolean = () => true): FindingTuple[] {
  return scan(root)
    .flatMap((file) => file.findings.filter((f) => !f.suppressed && keep(f)).map((f): FindingTuple => [file.path, f.ruleId, toTuple(f.range), f.severity, f.message]))
    .sort(byFileThenRange);
}

function toTuple(range: JsonFindingLike['range']): RangeTuple {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

function byFileThenRange(a: FindingTuple, b: FindingTuple): number {
  return a[0].localeCompare(b[0]) || a[2][0] - b[2][0] || a[2][1] - b[2][1] || a[1].localeCompare(b[1]);
}

const SEVERITY_NAMES: Record<number, string> = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info' };

describe('palisade scan: workspace rules across files', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };

  before(() => buildCli());
  after(() => roots.forEach(removeTree));

  for (const ruleId of workspaceRuleIds()) {
    it(`${ruleId}: exactly the fixture's findings, per file; none after the fix`, () => {
      const fixture = CROSS_FILE_FIXTURES[ruleId];
      assert.ok(fixture, `${ruleId} has no fixture in test/fixtures/cross-file.ts: add a multi-file workspace where it fires`);
      const root = tree(fixture.files);
      const ofRule = (f: JsonFinding) => f.ruleId === ruleId;
      assert.deepEqual(
        cliTuples(root, ofRule).map(([file, id, range, , message]) => [file, id, range, message]),
        fixture.findings.map((f) => [f.file, ruleId, f.range, f.message]),
      );
      for (const [file, text] of Object.entries(fixture.fix)) {
        if (text === null) unlinkSync(path.join(root, file));
        else writeTree(root, { [file]: text });
      }
      assert.deepEqual(cliTuples(root, ofRule), []);
    });
  }

  it('the language server publishes exactly the CLI findings (every rule, every file) for every fixture', async () => {
    const ids = Object.keys(CROSS_FILE_FIXTURES);
    const fixtureRoots = new Map(ids.map((id) => [id, tree(CROSS_FILE_FIXTURES[id].files)]));
    const client = await LspClient.start({ workspaceFolders: [...fixtureRoots.values()].map((r) => pathToFileURL(r).href), settings: { '*': { profile: 'strict' } } });
    try {
      await client.executeCommand('palisade.scanWorkspace');
      const uriOf = (root: string, file: string) => pathToFileURL(path.join(root, file)).href;
      const published = (id: string) => Object.keys(CROSS_FILE_FIXTURES[id].files).every((file) => client.diagnostics.has(uriOf(fixtureRoots.get(id)!, file)));
      await client.waitFor('diagnostics of every fixture file', () => ids.every(published));
      const fromServer = (id: string): FindingTuple[] => {
        const root = fixtureRoots.get(id)!;
        return Object.keys(CROSS_FILE_FIXTURES[id].files)
          .flatMap((file) =>
            client.diagnostics.get(uriOf(root, file))!.diagnostics.map((d): FindingTuple => [file, String(d.code), rangeTuple(d.range), SEVERITY_NAMES[d.severity!], String(d.message)]),
          )
          .sort(byFileThenRange);
      };
      const server = Object.fromEntries(ids.map((id) => [id, fromServer(id)]));
      const cli = Object.fromEntries(ids.map((id) => [id, cliTuples(fixtureRoots.get(id)!)]));
      assert.deepEqual(server, cli);
      // Not vacuous: every fixture's own rule is among what both report.
      for (const id of ids) assert.ok(cli[id].some((t) => t[1] === id), `the CLI does not report ${id} on its fixture`);
    } finally {
      await client.stop();
    }
  });
});
