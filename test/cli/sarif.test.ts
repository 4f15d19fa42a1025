/** `palisade scan --format sarif`: valid against the official SARIF 2.1.0 schema, exact regions, stable fingerprints. */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Log, Result } from 'sarif';
import { buildCli, makeTree, PRIVILEGED_MESSAGE, PRIVILEGED_POD, PROJECT_ROOT, removeTree, runCli, sarifValidator } from './helpers';

function scanSarif(root: string, args: readonly string[] = []): { status: number | null; log: Log } {
  const run = runCli(['scan', '--format', 'sarif', '--profile', 'pss-baseline', ...args], root);
  assert.equal(run.stderr, '');
  return { status: run.status, log: JSON.parse(run.stdout) as Log };
}

function privilegedResults(log: Log): Result[] {
  return log.runs[0].results!.filter((r) => r.ruleId === 'privileged-container');
}

describe('palisade scan --format sarif', () => {
  const roots: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = makeTree(files);
    roots.push(root);
    return root;
  };
  const validate = sarifValidator();

  before(function () {
    this.timeout(120_000);
    buildCli();
  });
  after(() => roots.forEach(removeTree));

  it('is valid against the SARIF 2.1.0 schema, suppressions included', () => {
    const root = tree({
      '.palisade.yaml': 'suppressions:\n  - rules: [privileged-container]\n    paths: ["legacy/**"]\n    reason: migrating in Q3\n',
      'deploy/pod.yaml': PRIVILEGED_POD,
      'deploy/broken.yaml': 'kind: Pod\nmetadata:\n  name: [x\n',
      'legacy/pod.yaml': PRIVILEGED_POD,
      'inline.yaml': PRIVILEGED_POD.replace('privileged: true', 'privileged: true # palisade-ignore privileged-container -- debug image'),
      'name with space.yaml': PRIVILEGED_POD,
    });
    const { status, log } = scanSarif(root);
    assert.equal(status, 1);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false, 'a run without a tool must be rejected');
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(
      privilegedResults(log).map((r) => [r.locations![0].physicalLocation!.artifactLocation!.uri, r.suppressions]),
      [
        ['deploy/pod.yaml', undefined],
        ['inline.yaml', [{ kind: 'inSource', status: 'accepted', justification: 'debug image' }]],
        ['legacy/pod.yaml', [{ kind: 'external', status: 'accepted', justification: 'migrating in Q3' }]],
        ['name%20with%20space.yaml', undefined],
      ],
    );
  });

  it('describes the tool and each rule from the registry metadata', () => {
    const root = tree({ 'pod.yaml': PRIVILEGED_POD });
    const { log } = scanSarif(root);
    const driver = log.runs[0].tool.driver;
    const { version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual([driver.name, driver.version, typeof driver.informationUri], ['Palisade', version, 'string']);
    const result = privilegedResults(log)[0];
    const rule = driver.rules![result.ruleIndex!];
    assert.equal(rule.id, 'privileged-container');
    assert.equal(rule.name, 'PrivilegedContainer');
    assert.equal(rule.shortDescription!.text, 'Privileged container');
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    assert.deepEqual(rule.properties, { tags: ['security', 'Pod security', 'recommended', 'pss-baseline'], precision: 'high', 'security-severity': '8.0' });
    assert.ok(rule.help!.text.includes('Remediation: Remove `privileged: true`'));
    assert.ok(rule.help!.markdown!.includes('- Checkov: CKV_K8S_16'));
    const parseError = driver.rules!.find((r) => r.id === 'parse-error')!;
    assert.equal(parseError.properties!['security-severity'], undefined);
  });

  it('places a finding at its exact 1-based region, relative to %SRCROOT%', () => {
    const root = tree({ 'deploy/pod.yaml': PRIVILEGED_POD });
    const [result] = privilegedResults(scanSarif(root).log);
    assert.equal(result.level, 'error');
    assert.equal(result.message.text, PRIVILEGED_MESSAGE);
    assert.deepEqual(result.locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'deploy/pod.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 10, startColumn: 21, endLine: 10, endColumn: 25 },
        },
      },
    ]);
  });

  it('keeps fingerprints when lines are inserted above a finding, and tells findings apart', () => {
    const twoContainers = PRIVILEGED_POD + '    - name: sidecar\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n';
    const root = tree({ 'pod.yaml': twoContainers });
    const before = privilegedResults(scanSarif(root).log);
    writeFileSync(path.join(root, 'pod.yaml'), `# owner: platform team\n# reviewed\n${twoContainers}`);
    const after = privilegedResults(scanSarif(root).log);
    const regionLines = (results: Result[]) => results.map((r) => r.locations![0].physicalLocation!.region!.startLine);
    assert.deepEqual([regionLines(before), regionLines(after)], [[10, 14], [12, 16]]);
    const prints = (results: Result[]) => results.map((r) => r.partialFingerprints!['palisadeFindingKey/v1']);
    assert.deepEqual(prints(after), prints(before));
    assert.notEqual(prints(before)[0], prints(before)[1]);
  });
});
