/**
 * `.palisade.yaml`: every problem reported with its location, rule resolution precedence,
 * profiles derived from metadata, exclusions and config suppressions.
 */
import assert from 'node:assert/strict';
import {
  applyConfigSuppressions,
  defaultConfig,
  isExcluded,
  parseConfig,
  resolveRules,
  type PalisadeConfig,
} from '../../rules/engine/config';
import { inProfile, PROFILES, type ProfileName } from '../../rules/engine/profiles';
import { defineKubernetesRule } from '../../rules/engine/rule';
import type { Finding, RuleMeta } from '../../rules/engine/types';
import type { RangeTuple } from '../harness/rule-tester';
import { privilegedContainer, reportName, throwingRule } from './fixtures';

const KNOWN = new Set(['privileged-container', 'host-network']);

function errorsOf(text: string): Array<[string, RangeTuple | null]> {
  return parseConfig(text, KNOWN).errors.map((e) => [
    e.message,
    e.range ? [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character] : null,
  ]);
}

describe('engine: config parsing', () => {
  it('reads a complete config without errors', () => {
    const text = [
      'profile: strict',
      'kubernetesVersion: 1.30',
      'rules:',
      '  privileged-container: warning',
      '  host-network: off',
      'exclude: ["charts/**"]',
      'trustedRegistries: [registry.example.com/]',
      'suppressions:',
      '  - rules: [host-network]',
      '    paths: ["deploy/cni/**"]',
      '    objects: ["DaemonSet/kube-system/cilium"]',
      '    reason: The CNI agent needs the host network',
      '',
    ].join('\n');
    const { config, errors } = parseConfig(text, KNOWN);
    assert.deepEqual(errors, []);
    assert.deepEqual(config, {
      profile: 'strict',
      kubernetesVersion: { major: 1, minor: 30 },
      rules: { 'privileged-container': 'warning', 'host-network': 'off' },
      exclude: ['charts/**'],
      trustedRegistries: ['registry.example.com/'],
      suppressions: [
        {
          rules: ['host-network'],
          paths: ['deploy/cni/**'],
          objects: ['DaemonSet/kube-system/cilium'],
          reason: 'The CNI agent needs the host network',
        },
      ],
    });
  });

  it('gives the defaults for an empty file', () => {
    assert.deepEqual(parseConfig('# nothing yet\n', KNOWN), { config: defaultConfig(), errors: [] });
  });

  const cases: Array<{ name: string; text: string; errors: Array<[string, RangeTuple | null]> }> = [
    {
      name: 'an unknown setting',
      text: 'profile: strict\nfoo: 1\n',
      errors: [['Unknown setting "foo". Known settings: profile, kubernetesVersion, rules, exclude, trustedRegistries, suppressions.', [1, 0, 1, 3]]],
    },
    {
      name: 'an unknown rule id',
      text: 'rules:\n  no-such-rule: off\n',
      errors: [['Unknown rule "no-such-rule". Run `palisade rules` to list rule ids.', [1, 2, 1, 14]]],
    },
    {
      name: 'a bad severity',
      text: 'rules:\n  privileged-container: critical\n',
      errors: [['Rule "privileged-container": the setting must be one of off, on, error, warning, info; got "critical".', [1, 24, 1, 32]]],
    },
    {
      name: 'a bad profile',
      text: 'profile: paranoid\n',
      errors: [['profile must be one of pss-baseline, pss-restricted, recommended, strict; got "paranoid".', [0, 9, 0, 17]]],
    },
    {
      name: 'an unsupported Kubernetes version',
      text: 'kubernetesVersion: "1.20"\n',
      errors: [['kubernetesVersion: Kubernetes 1.20 is outside the supported range 1.25 to 1.37.', [0, 19, 0, 25]]],
    },
    {
      name: 'something that is not a version',
      text: 'kubernetesVersion: one\n',
      errors: [['kubernetesVersion: "one" is not a Kubernetes version: write it as 1.N (for example 1.30) or "latest".', [0, 19, 0, 22]]],
    },
    {
      name: 'a suppression without a reason',
      text: 'suppressions:\n  - rules: [privileged-container]\n    paths: ["deploy/**"]\n',
      errors: [['Each suppression needs a reason: say why the finding is acceptable.', [1, 4, 3, 0]]],
    },
    {
      name: 'a suppression with a blank reason',
      text: 'suppressions:\n  - rules: [privileged-container]\n    reason: "  "\n',
      errors: [['Each suppression needs a reason: say why the finding is acceptable.', [2, 12, 2, 16]]],
    },
    {
      name: 'a suppression with an unknown rule and an unknown setting',
      text: 'suppressions:\n  - rules: [nope]\n    reason: x\n    extra: 1\n',
      errors: [
        ['Unknown rule "nope" in suppressions.', [1, 11, 1, 17]],
        ['Unknown suppression setting "extra".', [3, 4, 3, 9]],
      ],
    },
    {
      name: 'values of the wrong shape',
      text: 'rules: [a]\nexclude: x\n',
      errors: [
        ['rules must be a map from rule id to off, on, error, warning or info.', [0, 7, 0, 10]],
        ['exclude must be a list of strings.', [1, 9, 1, 10]],
      ],
    },
    {
      name: 'a file that is not a map',
      text: '- a\n',
      errors: [['The config must be a map of settings (profile, rules, exclude, ...).', [0, 0, 1, 0]]],
    },
    {
      name: 'a YAML syntax error',
      text: 'profile: [\n',
      errors: [['YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]', [1, 0, 1, 1]]],
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name} at its location`, () => {
      assert.deepEqual(errorsOf(c.text), c.errors);
    });
  }
});

describe('engine: resolveRules', () => {
  const registry = [privilegedContainer, throwingRule, reportName];
  const config = (over: Partial<PalisadeConfig>): PalisadeConfig => ({ ...defaultConfig(), ...over });
  const resolve = (over: Partial<PalisadeConfig>) => resolveRules(registry, config(over)).map((r) => [r.rule.meta.id, r.severity]);

  it('takes the rules of the default profile (recommended) at their default severity', () => {
    assert.deepEqual(resolve({}), [
      ['privileged-container', 'error'],
      ['report-name', 'warning'],
    ]);
  });

  it('takes every rule with the strict profile', () => {
    assert.deepEqual(resolve({ profile: 'strict' }), [
      ['privileged-container', 'error'],
      ['always-throws', 'warning'],
      ['report-name', 'warning'],
    ]);
  });

  it('lets a per-rule setting override the profile and the default severity', () => {
    assert.deepEqual(
      resolve({ profile: 'pss-baseline', rules: { 'privileged-container': 'info', 'always-throws': 'on', 'report-name': 'error' } }),
      [
        ['privileged-container', 'info'],
        ['always-throws', 'warning'],
        ['report-name', 'error'],
      ],
    );
  });

  it('turns a rule off even when its profile includes it', () => {
    assert.deepEqual(resolve({ profile: 'strict', rules: { 'privileged-container': 'off', 'always-throws': 'off' } }), [['report-name', 'warning']]);
  });
});

describe('engine: profiles are derived from metadata', () => {
  const meta = (tier: RuleMeta['tier'], pss?: 'baseline' | 'restricted'): RuleMeta => ({
    ...privilegedContainer.meta,
    tier,
    references: pss ? { pss: { level: pss, control: 'x' } } : {},
  });
  const membership = (m: RuleMeta) => PROFILES.filter((p: ProfileName) => inProfile(m, p));

  it('puts each kind of rule in the right profiles', () => {
    assert.deepEqual(membership(meta('recommended', 'baseline')), ['pss-baseline', 'pss-restricted', 'recommended', 'strict']);
    assert.deepEqual(membership(meta('recommended', 'restricted')), ['pss-restricted', 'recommended', 'strict']);
    assert.deepEqual(membership(meta('strict', 'restricted')), ['pss-restricted', 'strict']);
    assert.deepEqual(membership(meta('recommended')), ['recommended', 'strict']);
    assert.deepEqual(membership(meta('strict')), ['strict']);
  });

  it('derives rule lists from the rules given, never from a hand-written list', () => {
    const hardening = defineKubernetesRule({ meta: meta('recommended'), check: () => undefined });
    assert.deepEqual(
      resolveRules([hardening], { ...defaultConfig(), profile: 'pss-restricted' }),
      [],
    );
  });
});

describe('engine: exclusions and config suppressions', () => {
  const config: PalisadeConfig = {
    ...defaultConfig(),
    exclude: ['charts/**', '**/*.generated.yaml'],
    suppressions: [
      { rules: ['privileged-container'], objects: ['DaemonSet/kube-system/*'], reason: 'node agents' },
      { rules: ['*'], paths: ['legacy/**'], reason: 'being rewritten' },
    ],
  };

  it('matches exclusions as globs relative to the config folder', () => {
    assert.deepEqual(
      ['charts/web/templates/a.yaml', 'deploy/x.generated.yaml', 'deploy/app.yaml', '.hidden/charts/a.yaml'].map((p) => isExcluded(p, config)),
      [true, true, false, false],
    );
  });

  it('suppresses by rule and object, or by path, keeping the reason', () => {
    const finding = (ruleId: string, kind: string, namespace: string | undefined): Finding => ({
      ruleId,
      severity: 'error',
      message: 'm',
      start: 0,
      end: 0,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      documentIndex: 0,
      path: '',
      object: { kind, name: 'agent', ...(namespace ? { namespace } : {}) },
    });
    const findings = [
      finding('privileged-container', 'DaemonSet', 'kube-system'),
      finding('privileged-container', 'DaemonSet', 'default'),
      finding('host-network', 'DaemonSet', 'kube-system'),
    ];
    applyConfigSuppressions(findings, 'deploy/agent.yaml', config);
    assert.deepEqual(
      findings.map((f) => f.suppressed ?? null),
      [{ via: 'config', reason: 'node agents' }, null, null],
    );
    const legacy = [finding('host-network', 'Pod', undefined)];
    applyConfigSuppressions(legacy, 'legacy/old.yaml', config);
    assert.deepEqual(legacy[0].suppressed, { via: 'config', reason: 'being rewritten' });
  });
});
