/**
 * Related locations in every report: `note:` lines (text), `related` (JSON) and
 * `relatedLocations` (SARIF, valid against the 2.1.0 schema), with exact regions and messages,
 * for a same-file case (a NodePort Service in the second document of a file) and for every
 * cross-file fixture of test/fixtures/cross-file.ts.
 */
import { strict as assert } from 'node:assert';
import type { Log, Location, Result } from 'sarif';
import { CROSS_FILE_FIXTURES, type ExpectedRelated, type RangeTuple } from '../fixtures/cross-file';
import { buildCli, makeTree, removeTree, runCli, sarifValidator } from './helpers';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** A ConfigMap, then a NodePort Service: the finding is on line 13, its related `ports` on line 14. */
const NODE_PORT = lines(
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: settings',
  '  namespace: shop',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '  namespace: shop',
  'spec:',
  '  type: NodePort',
  '  ports:',
  '    - port: 80',
);
const NODE_PORT_MESSAGE = 'The Service "web" is of type NodePort: its ports are open on every node of the cluster. Use type ClusterIP behind an Ingress or Gateway instead.';

interface RelatedJson {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}
interface FindingJson {
  ruleId: string;
  message: string;
  range: RelatedJson['range'];
  related?: RelatedJson[];
}
interface ReportJson {
  files: Array<{ path: string; findings: FindingJson[] }>;
}

function scan(root: string, format: 'json' | 'sarif' | 'text'): string {
  const run = runCli(['scan', '--profile', 'strict', '--format', format], root);
  assert.equal(run.stderr, '');
  return run.stdout;
}

const tuple = ({ start, end }: RelatedJson['range']): RangeTuple => [start.line, start.character, end.line, end.character];

/** The SARIF related location a fixture's expectation stands for: 1-based, ids in order. */
function sarifRelated(expected: readonly ExpectedRelated[]): Location[] {
  return expected.map((r, i) => ({
    id: i + 1,
    physicalLocation: {
      artifactLocation: { uri: r.file, uriBaseId: '%SRCROOT%' },
      region: { startLine: r.range[0] + 1, startColumn: r.range[1] + 1, endLine: r.range[2] + 1, endColumn: r.range[3] + 1 },
    },
    message: { text: r.message },
  }));
}

function noteLine(r: ExpectedRelated): string {
  return `  note: ${r.file}:${r.range[0] + 1}:${r.range[1] + 1}  ${r.message}`;
}

/** The text report's line of a finding and the lines right after it. */
function linesAfterFinding(text: string, file: string, range: RangeTuple, ruleId: string, count: number): string[] {
  const all = text.split('\n');
  const at = all.findIndex((l) => l.startsWith(`${file}:${range[0] + 1}:${range[1] + 1} `) && l.includes(`  ${ruleId}`));
  assert.ok(at >= 0, `no ${ruleId} finding at ${file}:${range[0] + 1}:${range[1] + 1} in\n${text}`);
  return all.slice(at + 1, at + 1 + count);
}

function resultsOf(log: Log, ruleId: string): Result[] {
  return log.runs[0].results!.filter((r) => r.ruleId === ruleId);
}

describe('related locations in reports', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };
  const validate = sarifValidator();

  before(() => buildCli());
  after(() => roots.forEach(removeTree));

  describe('in the same file (a NodePort Service and its ports, in the second document)', () => {
    const expected: ExpectedRelated[] = [{ file: 'deploy/web.yaml', range: [13, 2, 13, 7], message: 'these ports are opened on every node' }];

    it('SARIF: relatedLocations with an id, the 1-based region and the message; schema-valid', () => {
      const root = tree({ 'deploy/web.yaml': NODE_PORT });
      const log = JSON.parse(scan(root, 'sarif')) as Log;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const [result, ...others] = resultsOf(log, 'service-node-port');
      assert.deepEqual(others, []);
      assert.equal(result.message.text, NODE_PORT_MESSAGE);
      assert.deepEqual(result.locations![0].physicalLocation!.region, { startLine: 13, startColumn: 9, endLine: 13, endColumn: 17 });
      assert.deepEqual(result.relatedLocations, sarifRelated(expected));
    });

    it('JSON: related with the file, the 0-based range and the message', () => {
      const root = tree({ 'deploy/web.yaml': NODE_PORT });
      const report = JSON.parse(scan(root, 'json')) as ReportJson;
      const findings = report.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'service-node-port'));
      assert.deepEqual(
        findings.map((f) => [tuple(f.range), f.related]),
        [[[12, 8, 12, 16], [{ file: 'deploy/web.yaml', range: { start: { line: 13, character: 2 }, end: { line: 13, character: 7 } }, message: expected[0].message }]]],
      );
      // A finding without related locations has no `related` key at all.
      assert.ok(report.files[0].findings.filter((f) => f.ruleId !== 'service-node-port').every((f) => !('related' in f)));
    });

    it('text: an indented note line under the finding', () => {
      const root = tree({ 'deploy/web.yaml': NODE_PORT });
      const text = scan(root, 'text');
      const findingLine = text.split('\n').find((l) => l.includes('service-node-port'))!;
      assert.match(findingLine, /^deploy\/web\.yaml:13:9 +info +service-node-port {2}/);
      assert.ok(findingLine.endsWith(NODE_PORT_MESSAGE));
      assert.deepEqual(linesAfterFinding(text, 'deploy/web.yaml', [12, 8, 12, 16], 'service-node-port', 1), ['  note: deploy/web.yaml:14:3  these ports are opened on every node']);
    });
  });

  describe('across files (every cross-file fixture with related locations)', () => {
    const withRelated = Object.entries(CROSS_FILE_FIXTURES).filter(([, fixture]) => fixture.findings.some((f) => f.related.length > 0));

    it('covers same-file and other-file locations in one finding', () => {
      // Not vacuous: at least one fixture mixes both, and several point into another file.
      const mixed = withRelated.flatMap(([, f]) => f.findings).filter((f) => f.related.some((r) => r.file === f.file) && f.related.some((r) => r.file !== f.file));
      assert.ok(mixed.length > 0);
      assert.ok(withRelated.length >= 5, `only ${withRelated.length} fixtures have related locations`);
    });

    for (const [ruleId, fixture] of withRelated) {
      it(`${ruleId}: JSON related, SARIF relatedLocations and text notes are exactly the fixture's`, () => {
        const root = tree(fixture.files);
        const report = JSON.parse(scan(root, 'json')) as ReportJson;
        const fromJson = report.files.flatMap((file) =>
          file.findings
            .filter((f) => f.ruleId === ruleId)
            .map((f) => [file.path, (f.related ?? []).map((r): ExpectedRelated => ({ file: r.file, range: tuple(r.range), message: r.message }))]),
        );
        assert.deepEqual(fromJson, fixture.findings.map((f) => [f.file, f.related]));

        const log = JSON.parse(scan(root, 'sarif')) as Log;
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
        assert.deepEqual(
          resultsOf(log, ruleId).map((r) => r.relatedLocations),
          fixture.findings.map((f) => (f.related.length > 0 ? sarifRelated(f.related) : undefined)),
        );

        const text = scan(root, 'text');
        for (const f of fixture.findings) {
          const after = linesAfterFinding(text, f.file, f.range, ruleId, f.related.length + 1);
          assert.deepEqual(after.slice(0, f.related.length), f.related.map(noteLine));
          assert.ok(!after[f.related.length].startsWith('  note:'), 'no extra note');
        }
      });
    }
  });
});
