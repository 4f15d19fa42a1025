/**
 * The examples in examples/ are the demo: they must say what they claim. The hardened
 * Deployment is clean under the default profile, each insecure example triggers the rules its
 * comments describe, and the example config is valid (parser and JSON Schema) and suppresses
 * exactly what it says.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { analyzeFile } from '../../rules/engine/analyze';
import { applyConfigSuppressions, defaultConfig, parseConfig, resolveRules, type PalisadeConfig } from '../../rules/engine/config';
import type { ProfileName } from '../../rules/engine/profiles';
import type { Finding } from '../../rules/engine/types';
import { analyzeWorkspace } from '../../rules/engine/workspace';
import { RULE_IDS, RULES } from '../../rules/index';

const ROOT = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Per-file and workspace (cross-object) rules over one file, as the CLI runs them. */
function scan(path: string, config: PalisadeConfig = defaultConfig()): Finding[] {
  const text = read(path);
  const rules = resolveRules(RULES, config);
  const options = { kubernetesVersion: config.kubernetesVersion, trustedRegistries: config.trustedRegistries };
  const analysis = analyzeFile(path, text, rules, options);
  const crossObject = analyzeWorkspace([{ file: path, text, analysis }], rules, options).get(path) ?? [];
  const findings = [...analysis.findings, ...crossObject];
  applyConfigSuppressions(findings, path.replace(/^examples\/with-config\//, ''), config);
  return findings;
}

const ruleIds = (findings: Finding[]) => [...new Set(findings.map((f) => f.ruleId))];

describe('examples', () => {
  for (const profile of ['recommended', 'pss-restricted'] as ProfileName[]) {
    it(`hardened-deployment.yaml has no finding under ${profile}`, () => {
      const findings = scan('examples/hardened-deployment.yaml', { ...defaultConfig(), profile });
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }

  const insecure: Array<[string, string[]]> = [
    ['examples/insecure-deployment.yaml', ['privileged-container', 'added-capabilities', 'allow-privilege-escalation', 'latest-image-tag', 'env-var-secret-literal', 'missing-memory-limit']],
    ['examples/host-access-pod.yaml', ['host-network', 'host-pid', 'host-ipc', 'host-path-volumes', 'container-runtime-socket']],
    ['examples/cronjob-with-init-containers.yaml', ['run-as-root-user', 'host-path-volumes', 'run-as-non-root']],
    ['examples/multi-document.yaml', ['run-as-non-root', 'seccomp-profile-required', 'drop-all-capabilities']],
  ];
  for (const [path, expected] of insecure) {
    it(`${path} reports what its comments describe`, () => {
      const found = ruleIds(scan(path));
      assert.deepEqual(expected.filter((id) => !found.includes(id)), [], `found: ${found.join(', ')}`);
    });
  }

  it('multi-document.yaml reports only on the Deployment (document 1)', () => {
    assert.deepEqual([...new Set(scan('examples/multi-document.yaml').map((f) => f.documentIndex))], [1]);
  });

  it('the init container of the CronJob is named in its findings', () => {
    const rootUser = scan('examples/cronjob-with-init-containers.yaml').filter((f) => f.ruleId === 'run-as-root-user');
    assert.deepEqual(rootUser.map((f) => f.path), ['spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.runAsUser']);
    assert.match(rootUser[0].message, /init container "prepare"/);
  });

  describe('with-config', () => {
    const text = read('examples/with-config/.palisade.yaml');

    it('.palisade.yaml parses without errors', () => {
      assert.deepEqual(parseConfig(text, RULE_IDS).errors, []);
    });

    it('.palisade.yaml is valid against schemas/palisade-config.schema.json', () => {
      const validate = new Ajv({ allErrors: true }).compile(JSON.parse(read('schemas/palisade-config.schema.json')) as object);
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
      assert.equal(validate({ profile: 'paranoid', rules: { 'no-such-rule': 'off' } }), false, 'the schema rejects what the parser rejects');
    });

    it('suppresses the node exporter’s host access with the reason, and nothing else is left', () => {
      const { config } = parseConfig(text, RULE_IDS);
      const findings = scan('examples/with-config/node-exporter.yaml', config);
      const reason = 'The node exporter reads host metrics: it needs the host network and a read-only /proc.';
      assert.deepEqual(
        findings.map((f) => [f.ruleId, f.suppressed]),
        [
          ['host-network', { via: 'config', reason }],
          ['host-path-volumes', { via: 'config', reason }],
          ['sensitive-host-path', { via: 'config', reason }],
        ],
      );
    });
  });
});
