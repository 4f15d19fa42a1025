/**
 * Conformance of the pss-baseline and pss-restricted profiles with Pod Security Admission.
 * Each fixture (our own, modelled on the kinds of cases PSA's test data covers) says the most
 * restrictive level PSA admits the pod at, for one Kubernetes version. A profile must report
 * at least one finding exactly when PSA at that level rejects the pod: no more, no less.
 */
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import { defaultConfig, resolveRules } from '../../rules/engine/config';
import { analyzeYamlText } from '../../rules/engine/analyze';
import type { ProfileName } from '../../rules/engine/profiles';
import type { ResolvedKubernetesRule } from '../../rules/engine/yaml/analyze';
import { RULES } from '../../rules/index';
import { ruleOptions, yaml } from '../harness/rule-tester';

type Level = 'privileged' | 'baseline' | 'restricted';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Fixture {
  name: string;
  /** The most restrictive level PSA admits the pod at. */
  admittedAt: Level;
  version?: string;
  code: string;
}

const hardened = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

/** A pod PSA admits at the restricted level: the starting point of most fixtures. */
function restrictedPod(): Json {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'fixture' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [{ name: 'init', image: 'registry.example/init:1', securityContext: structuredClone(hardened) }],
      containers: [{ name: 'app', image: 'registry.example/app:1', securityContext: structuredClone(hardened) }],
    },
  };
}

/** The restricted pod after `tweak`, as YAML. */
function pod(tweak: (p: Json) => void): string {
  const p = restrictedPod();
  tweak(p);
  return stringify(p);
}

const app = (p: Json): Json => p.spec.containers[0];
const init = (p: Json): Json => p.spec.initContainers[0];
const addEphemeral = (p: Json, securityContext: Json = structuredClone(hardened)): void => {
  p.spec.ephemeralContainers = [{ name: 'debug', image: 'registry.example/debug:1', securityContext }];
};

const FIXTURES: Fixture[] = [
  // The two starting points.
  { name: 'restricted base pod', admittedAt: 'restricted', code: pod(() => {}) },
  {
    name: 'pod with no security settings',
    admittedAt: 'baseline',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: plain}
      spec:
        containers:
          - name: app
            image: registry.example/app:1
    `,
  },
  // Privileged Containers
  { name: 'privileged container', admittedAt: 'privileged', code: pod((p) => (app(p).securityContext.privileged = true)) },
  { name: 'privileged init container', admittedAt: 'privileged', code: pod((p) => (init(p).securityContext.privileged = true)) },
  {
    name: 'privileged ephemeral container',
    admittedAt: 'privileged',
    code: pod((p) => addEphemeral(p, { ...structuredClone(hardened), privileged: true })),
  },
  { name: 'privileged: false', admittedAt: 'restricted', code: pod((p) => (app(p).securityContext.privileged = false)) },
  // Host Namespaces
  { name: 'hostNetwork', admittedAt: 'privileged', code: pod((p) => (p.spec.hostNetwork = true)) },
  { name: 'hostPID', admittedAt: 'privileged', code: pod((p) => (p.spec.hostPID = true)) },
  { name: 'hostIPC', admittedAt: 'privileged', code: pod((p) => (p.spec.hostIPC = true)) },
  {
    name: 'host namespaces all false',
    admittedAt: 'restricted',
    code: pod((p) => Object.assign(p.spec, { hostNetwork: false, hostPID: false, hostIPC: false })),
  },
  // Capabilities (baseline and restricted)
  { name: 'adds SYS_ADMIN', admittedAt: 'privileged', code: pod((p) => (app(p).securityContext.capabilities.add = ['SYS_ADMIN'])) },
  { name: 'init adds NET_RAW', admittedAt: 'privileged', code: pod((p) => (init(p).securityContext.capabilities.add = ['NET_RAW'])) },
  {
    name: 'adds lower-case net_bind_service (compared exactly)',
    admittedAt: 'privileged',
    code: pod((p) => (app(p).securityContext.capabilities.add = ['net_bind_service'])),
  },
  { name: 'adds CAP_CHOWN (prefixed)', admittedAt: 'privileged', code: pod((p) => (app(p).securityContext.capabilities.add = ['CAP_CHOWN'])) },
  { name: 'adds NET_BIND_SERVICE', admittedAt: 'restricted', code: pod((p) => (app(p).securityContext.capabilities.add = ['NET_BIND_SERVICE'])) },
  { name: 'adds CHOWN', admittedAt: 'baseline', code: pod((p) => (app(p).securityContext.capabilities.add = ['CHOWN'])) },
  { name: 'drops nothing', admittedAt: 'baseline', code: pod((p) => delete app(p).securityContext.capabilities) },
  { name: 'drops lower-case all', admittedAt: 'baseline', code: pod((p) => (init(p).securityContext.capabilities.drop = ['all'])) },
  { name: 'drops NET_RAW only', admittedAt: 'baseline', code: pod((p) => (app(p).securityContext.capabilities.drop = ['NET_RAW'])) },
  { name: 'empty capabilities map', admittedAt: 'baseline', code: pod((p) => (app(p).securityContext.capabilities = {})) },
  {
    name: 'drops ALL among others',
    admittedAt: 'restricted',
    code: pod((p) => (app(p).securityContext.capabilities.drop = ['NET_RAW', 'ALL'])),
  },
  // HostPath Volumes and Volume Types
  {
    name: 'hostPath volume',
    admittedAt: 'privileged',
    code: pod((p) => (p.spec.volumes = [{ name: 'host', hostPath: { path: '/var/log' } }])),
  },
  { name: 'nfs volume', admittedAt: 'baseline', code: pod((p) => (p.spec.volumes = [{ name: 'n', nfs: { server: 'nfs', path: '/x' } }])) },
  {
    name: 'gitRepo volume',
    admittedAt: 'baseline',
    code: pod((p) => (p.spec.volumes = [{ name: 'g', gitRepo: { repository: 'https://example.com/r.git' } }])),
  },
  { name: 'image volume', admittedAt: 'restricted', code: pod((p) => (p.spec.volumes = [{ name: 'i', image: { reference: 'registry.example/data:1' } }])) },
  {
    name: 'core volume types',
    admittedAt: 'restricted',
    code: pod(
      (p) =>
        (p.spec.volumes = [
          { name: 'a', configMap: { name: 'c' } },
          { name: 'b', secret: { secretName: 's' } },
          { name: 'c', emptyDir: {} },
          { name: 'd', persistentVolumeClaim: { claimName: 'pvc' } },
          { name: 'e', projected: { sources: [] } },
          { name: 'f', downwardAPI: { items: [] } },
          { name: 'g', csi: { driver: 'x.example.com' } },
          { name: 'h', ephemeral: { volumeClaimTemplate: { spec: {} } } },
        ]),
    ),
  },
  { name: 'volume with no source (defaults to emptyDir)', admittedAt: 'restricted', code: pod((p) => (p.spec.volumes = [{ name: 'scratch' }])) },
  // Host Ports
  {
    name: 'hostPort',
    admittedAt: 'privileged',
    code: pod((p) => (app(p).ports = [{ containerPort: 8080, hostPort: 8080 }])),
  },
  { name: 'hostPort 0', admittedAt: 'restricted', code: pod((p) => (app(p).ports = [{ containerPort: 8080, hostPort: 0 }])) },
  // Host Probes / Lifecycle Hooks (v1.34+)
  {
    name: 'liveness probe host at 1.34',
    admittedAt: 'privileged',
    version: '1.34',
    code: pod((p) => (app(p).livenessProbe = { httpGet: { host: '169.254.169.254', port: 80 } })),
  },
  {
    name: 'liveness probe host at 1.33',
    admittedAt: 'restricted',
    version: '1.33',
    code: pod((p) => (app(p).livenessProbe = { httpGet: { host: '169.254.169.254', port: 80 } })),
  },
  {
    name: 'preStop tcpSocket host',
    admittedAt: 'privileged',
    code: pod((p) => (init(p).lifecycle = { preStop: { tcpSocket: { host: 'db.internal', port: 5432 } } })),
  },
  {
    name: 'readiness probe with empty host',
    admittedAt: 'restricted',
    code: pod((p) => (app(p).readinessProbe = { tcpSocket: { host: '', port: 8080 } })),
  },
  // AppArmor
  {
    name: 'pod AppArmor Unconfined',
    admittedAt: 'privileged',
    code: pod((p) => (p.spec.securityContext.appArmorProfile = { type: 'Unconfined' })),
  },
  {
    name: 'container AppArmor Localhost',
    admittedAt: 'restricted',
    code: pod((p) => (app(p).securityContext.appArmorProfile = { type: 'Localhost', localhostProfile: 'k8s-app' })),
  },
  { name: 'empty appArmorProfile map', admittedAt: 'privileged', code: pod((p) => (init(p).securityContext.appArmorProfile = {})) },
  {
    name: 'AppArmor annotation unconfined',
    admittedAt: 'privileged',
    code: pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' })),
  },
  {
    name: 'AppArmor annotation for a container that does not exist',
    admittedAt: 'privileged',
    code: pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/ghost': 'unconfined' })),
  },
  {
    name: 'AppArmor annotations runtime/default, localhost/ and empty',
    admittedAt: 'restricted',
    code: pod(
      (p) =>
        (p.metadata.annotations = {
          'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/init': 'localhost/k8s-init',
          'container.apparmor.security.beta.kubernetes.io/other': '',
        }),
    ),
  },
  // SELinux
  { name: 'SELinux type spc_t', admittedAt: 'privileged', code: pod((p) => (app(p).securityContext.seLinuxOptions = { type: 'spc_t' })) },
  {
    name: 'SELinux container_engine_t at 1.31',
    admittedAt: 'restricted',
    version: '1.31',
    code: pod((p) => (p.spec.securityContext.seLinuxOptions = { type: 'container_engine_t' })),
  },
  {
    name: 'SELinux container_engine_t at 1.30',
    admittedAt: 'privileged',
    version: '1.30',
    code: pod((p) => (p.spec.securityContext.seLinuxOptions = { type: 'container_engine_t' })),
  },
  { name: 'SELinux user', admittedAt: 'privileged', code: pod((p) => (init(p).securityContext.seLinuxOptions = { user: 'system_u' })) },
  { name: 'SELinux role', admittedAt: 'privileged', code: pod((p) => (p.spec.securityContext.seLinuxOptions = { role: 'system_r' })) },
  {
    name: 'SELinux level and allowed type',
    admittedAt: 'restricted',
    code: pod((p) => (app(p).securityContext.seLinuxOptions = { type: 'container_kvm_t', level: 's0:c123,c456', user: '' })),
  },
  // /proc Mount Type
  { name: 'procMount Unmasked', admittedAt: 'privileged', code: pod((p) => (app(p).securityContext.procMount = 'Unmasked')) },
  { name: 'procMount Default', admittedAt: 'restricted', code: pod((p) => (app(p).securityContext.procMount = 'Default')) },
  {
    name: 'procMount Unmasked with hostUsers: false at 1.35',
    admittedAt: 'baseline',
    version: '1.35',
    code: pod((p) => {
      p.spec.hostUsers = false;
      app(p).securityContext.procMount = 'Unmasked';
    }),
  },
  {
    name: 'procMount Unmasked with hostUsers: false at 1.34',
    admittedAt: 'privileged',
    version: '1.34',
    code: pod((p) => {
      p.spec.hostUsers = false;
      app(p).securityContext.procMount = 'Unmasked';
    }),
  },
  // Seccomp
  {
    name: 'pod seccomp Unconfined',
    admittedAt: 'privileged',
    code: pod((p) => (p.spec.securityContext.seccompProfile = { type: 'Unconfined' })),
  },
  {
    name: 'container seccomp Unconfined under a RuntimeDefault pod',
    admittedAt: 'privileged',
    code: pod((p) => (app(p).securityContext.seccompProfile = { type: 'Unconfined' })),
  },
  { name: 'empty seccompProfile map', admittedAt: 'privileged', code: pod((p) => (init(p).securityContext.seccompProfile = {})) },
  {
    name: 'seccomp type in the wrong case',
    admittedAt: 'privileged',
    code: pod((p) => (p.spec.securityContext.seccompProfile = { type: 'runtimedefault' })),
  },
  {
    name: 'every container sets seccomp, the pod does not',
    admittedAt: 'restricted',
    code: pod((p) => {
      delete p.spec.securityContext.seccompProfile;
      app(p).securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' };
      init(p).securityContext.seccompProfile = { type: 'RuntimeDefault' };
    }),
  },
  {
    name: 'one container without seccomp and none on the pod',
    admittedAt: 'baseline',
    code: pod((p) => {
      delete p.spec.securityContext.seccompProfile;
      app(p).securityContext.seccompProfile = { type: 'RuntimeDefault' };
    }),
  },
  // Sysctls
  {
    name: 'unsafe sysctl',
    admittedAt: 'privileged',
    code: pod((p) => (p.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }])),
  },
  ...versionedSysctl('net.ipv4.ip_local_reserved_ports', 27),
  ...versionedSysctl('net.ipv4.tcp_keepalive_time', 29),
  ...versionedSysctl('net.ipv4.tcp_rmem', 32),
  ...versionedSysctl('net.ipv4.tcp_notsent_lowat', 37),
  {
    name: 'safe sysctls since 1.0',
    admittedAt: 'restricted',
    version: '1.25',
    code: pod(
      (p) =>
        (p.spec.securityContext.sysctls = [
          { name: 'kernel.shm_rmid_forced', value: '1' },
          { name: 'net.ipv4.ping_group_range', value: '0 1000' },
        ]),
    ),
  },
  // HostProcess
  {
    name: 'pod-level hostProcess',
    admittedAt: 'privileged',
    code: pod((p) => (p.spec.securityContext.windowsOptions = { hostProcess: true })),
  },
  {
    name: 'container hostProcess',
    admittedAt: 'privileged',
    code: pod((p) => (init(p).securityContext.windowsOptions = { hostProcess: true })),
  },
  // Windows pods: exempt from privilege escalation, capabilities and seccomp (restricted)
  {
    name: 'Windows pod with only runAsNonRoot',
    admittedAt: 'restricted',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: win}
      spec:
        os: {name: windows}
        securityContext: {runAsNonRoot: true}
        containers:
          - name: app
            image: registry.example/win:1
    `,
  },
  {
    name: 'Windows pod without runAsNonRoot',
    admittedAt: 'baseline',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: win}
      spec:
        os: {name: windows}
        containers:
          - name: app
            image: registry.example/win:1
    `,
  },
  {
    name: 'Linux pod (os: linux) without privilege escalation setting',
    admittedAt: 'baseline',
    code: pod((p) => {
      p.spec.os = { name: 'linux' };
      delete app(p).securityContext.allowPrivilegeEscalation;
    }),
  },
  // Privilege Escalation
  { name: 'allowPrivilegeEscalation: true', admittedAt: 'baseline', code: pod((p) => (init(p).securityContext.allowPrivilegeEscalation = true)) },
  {
    name: 'ephemeral container without allowPrivilegeEscalation',
    admittedAt: 'baseline',
    code: pod((p) => addEphemeral(p, { capabilities: { drop: ['ALL'] } })),
  },
  { name: 'hardened ephemeral container', admittedAt: 'restricted', code: pod((p) => addEphemeral(p)) },
  // Running as Non-root
  {
    name: 'pod runAsNonRoot: false, containers true',
    admittedAt: 'baseline',
    code: pod((p) => {
      p.spec.securityContext.runAsNonRoot = false;
      app(p).securityContext.runAsNonRoot = true;
      init(p).securityContext.runAsNonRoot = true;
    }),
  },
  {
    name: 'runAsNonRoot on every container only',
    admittedAt: 'restricted',
    code: pod((p) => {
      delete p.spec.securityContext.runAsNonRoot;
      app(p).securityContext.runAsNonRoot = true;
      init(p).securityContext.runAsNonRoot = true;
    }),
  },
  {
    name: 'runAsNonRoot missing on the init container',
    admittedAt: 'baseline',
    code: pod((p) => {
      delete p.spec.securityContext.runAsNonRoot;
      app(p).securityContext.runAsNonRoot = true;
    }),
  },
  { name: 'container runAsNonRoot: false', admittedAt: 'baseline', code: pod((p) => (app(p).securityContext.runAsNonRoot = false)) },
  {
    name: 'no runAsNonRoot, hostUsers: false at 1.35',
    admittedAt: 'restricted',
    version: '1.35',
    code: pod((p) => {
      p.spec.hostUsers = false;
      delete p.spec.securityContext.runAsNonRoot;
    }),
  },
  {
    name: 'no runAsNonRoot, hostUsers: false at 1.34',
    admittedAt: 'baseline',
    version: '1.34',
    code: pod((p) => {
      p.spec.hostUsers = false;
      delete p.spec.securityContext.runAsNonRoot;
    }),
  },
  // Running as Non-root user
  {
    name: 'pod runAsUser 0, containers override',
    admittedAt: 'baseline',
    code: pod((p) => {
      p.spec.securityContext.runAsUser = 0;
      app(p).securityContext.runAsUser = 1000;
      init(p).securityContext.runAsUser = 1000;
    }),
  },
  { name: 'container runAsUser 0', admittedAt: 'baseline', code: pod((p) => (init(p).securityContext.runAsUser = 0)) },
  {
    name: 'runAsUser 0 with hostUsers: false at 1.35',
    admittedAt: 'restricted',
    version: '1.35',
    code: pod((p) => {
      p.spec.hostUsers = false;
      p.spec.securityContext.runAsUser = 0;
    }),
  },
  { name: 'runAsUser 1000', admittedAt: 'restricted', code: pod((p) => (p.spec.securityContext.runAsUser = 1000)) },
  // Workload kinds and YAML forms
  {
    name: 'restricted Deployment',
    admittedAt: 'restricted',
    code: yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            securityContext:
              runAsNonRoot: true
              seccompProfile: {type: RuntimeDefault}
            containers:
              - name: web
                image: registry.example/web:1
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
    `,
  },
  {
    name: 'CronJob on the host network',
    admittedAt: 'privileged',
    code: yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: job}
      spec:
        schedule: "0 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                hostNetwork: true
                restartPolicy: Never
                containers: [{name: job, image: registry.example/job:1}]
    `,
  },
  {
    name: 'YAML 1.1 boolean hostPID: yes',
    admittedAt: 'privileged',
    code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: y}\nspec:\n  hostPID: yes\n  containers: [{name: a, image: registry.example/a:1}]\n',
  },
  {
    name: 'null seccompProfile and securityContext values count as unset',
    admittedAt: 'baseline',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: nulls}
      spec:
        securityContext:
          runAsNonRoot: true
          seccompProfile: ~
          appArmorProfile:
        containers:
          - name: app
            image: registry.example/app:1
            securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, procMount: null}
    `,
  },
  {
    name: 'restricted pod through a merge key',
    admittedAt: 'restricted',
    code: yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: merged}
      spec:
        securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
        initContainers:
          - name: init
            image: registry.example/init:1
            securityContext: &hardened {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
        containers:
          - name: app
            image: registry.example/app:1
            securityContext:
              <<: *hardened
              runAsUser: 1000
    `,
  },
];

function versionedSysctl(name: string, since: number): Fixture[] {
  const code = pod((p) => (p.spec.securityContext.sysctls = [{ name, value: '1' }]));
  return [
    { name: `${name} at 1.${since - 1}`, admittedAt: 'privileged', version: `1.${since - 1}`, code },
    { name: `${name} at 1.${since}`, admittedAt: 'restricted', version: `1.${since}`, code },
  ];
}

function profileRules(profile: ProfileName): ResolvedKubernetesRule[] {
  return resolveRules(RULES, { ...defaultConfig(), profile }).filter(
    (r): r is ResolvedKubernetesRule => r.rule.language === 'kubernetes',
  );
}

function findingsOf(rules: ResolvedKubernetesRule[], fixture: Fixture): string[] {
  const result = analyzeYamlText(fixture.code, rules, ruleOptions({ kubernetesVersion: fixture.version }));
  return result.findings.map((f) => `${f.ruleId}: ${f.message}`);
}

describe('Pod Security Standards conformance (pss-baseline / pss-restricted vs Pod Security Admission)', () => {
  const baseline = profileRules('pss-baseline');
  const restricted = profileRules('pss-restricted');

  it('has enough fixtures, of every verdict', () => {
    assert.ok(FIXTURES.length >= 60, `${FIXTURES.length} fixtures`);
    for (const level of ['privileged', 'baseline', 'restricted'] as const) {
      assert.ok(FIXTURES.some((f) => f.admittedAt === level), `no fixture admitted only at ${level}`);
    }
    assert.equal(new Set(FIXTURES.map((f) => f.name)).size, FIXTURES.length, 'fixture names are unique');
  });

  for (const fixture of FIXTURES) {
    it(`${fixture.name}${fixture.version ? ` (${fixture.version})` : ''}: admitted at ${fixture.admittedAt}`, () => {
      const baselineFindings = findingsOf(baseline, fixture);
      const restrictedFindings = findingsOf(restricted, fixture);
      assert.equal(baselineFindings.length > 0, fixture.admittedAt === 'privileged', `pss-baseline: ${JSON.stringify(baselineFindings)}`);
      assert.equal(restrictedFindings.length > 0, fixture.admittedAt !== 'restricted', `pss-restricted: ${JSON.stringify(restrictedFindings)}`);
    });
  }
});
