import assert from 'node:assert/strict';
import { analyzeFile } from '../../../../rules/engine/analyze';
import { defaultConfig, resolveRules } from '../../../../rules/engine/config';
import { admissionSummary } from '../../../../rules/kubernetes/admission/summary';
import { RULES } from '../../../../rules/index';
import { ruleOptions, yaml } from '../../../harness/rule-tester';
import { runWorkspace } from '../../cross-file/workspace-tester';

const ID = 'pod-security-admission-rejects';

const NAMESPACES = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: strict
    labels:
      pod-security.kubernetes.io/enforce: restricted
      pod-security.kubernetes.io/warn: baseline
  ---
  apiVersion: v1
  kind: Namespace
  metadata:
    name: loose
    labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.30}
`;

const WORKLOADS = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: strict}
  spec:
    template:
      spec:
        containers:
          - name: app
            image: nginx:1.27
            securityContext: {privileged: true}
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: ok, namespace: loose}
  spec:
    containers: [{name: app, image: nginx:1.27}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: free, namespace: elsewhere}
  spec:
    hostNetwork: true
    containers: [{name: app, image: nginx:1.27}]
`;

describe(ID, () => {
  it('reports workloads that the enforced level rejects, with the label and each failure as related locations', () => {
    const [finding, ...others] = runWorkspace({ 'ns.yaml': NAMESPACES, 'apps.yaml': WORKLOADS }, ID);
    assert.deepEqual(others, []);
    assert.deepEqual([finding.file, finding.range, finding.path], ['apps.yaml', [2, 33, 2, 39], 'metadata.namespace']);
    assert.equal(
      finding.message,
      'Pod Security Admission would reject the pods of this Deployment (it is accepted with a warning but never runs): namespace "strict" enforces "restricted" (latest) and it fails Privileged Containers, Privilege Escalation (v1.8+), Running as Non-root, Seccomp (v1.19+), Capabilities (v1.22+). Fix these controls or change the namespace\'s level.',
    );
    // Same-file related locations come first, then those in other files.
    const label = finding.related[finding.related.length - 1];
    assert.deepEqual(label, { file: 'ns.yaml', range: [5, 40, 5, 50], message: 'namespace "strict" enforces "restricted"' });
    assert.deepEqual(finding.related[0], {
      file: 'apps.yaml',
      range: [9, 40, 9, 44],
      message: 'Privileged Containers: The container "app" is privileged: it can take over the node. Set privileged: false.',
    });
    assert.ok(finding.related.slice(0, -1).every((r) => r.file === 'apps.yaml'));
  });

  it('evaluates at the labelled version: a pod passing baseline is not reported', () => {
    assert.deepEqual(runWorkspace({ 'ns.yaml': NAMESPACES, 'apps.yaml': WORKLOADS.split('---')[1] }, ID), []);
  });
});

describe('admissionSummary', () => {
  it('counts, per labelled namespace and mode, the workloads that fail', () => {
    const options = ruleOptions();
    const rules = resolveRules(RULES, { ...defaultConfig(), profile: 'strict' });
    const objects = Object.entries({ 'ns.yaml': NAMESPACES, 'apps.yaml': WORKLOADS }).flatMap(([file, text]) =>
      analyzeFile(file, text, rules, options).objects.map((o) => ({ file, documentIndex: o.documentIndex, object: o.object, text: text.split(/^---$/m)[o.documentIndex] })),
    );
    const summary = admissionSummary(objects, options);
    assert.deepEqual(
      summary.map((s) => [s.namespace, s.file, s.documentIndex, s.workloads, s.modes, s.rejected.map((r) => [r.object.name, r.controls.length])]),
      [
        [
          'strict',
          'ns.yaml',
          0,
          1,
          { enforce: { level: 'restricted', versionLabel: 'latest', failing: 1 }, audit: { level: undefined, versionLabel: 'latest', failing: 0 }, warn: { level: 'baseline', versionLabel: 'latest', failing: 1 } },
          [['web', 5]],
        ],
        [
          'loose',
          'ns.yaml',
          1,
          1,
          { enforce: { level: 'baseline', versionLabel: 'v1.30', failing: 0 }, audit: { level: undefined, versionLabel: 'latest', failing: 0 }, warn: { level: undefined, versionLabel: 'latest', failing: 0 } },
          [],
        ],
      ],
    );
  });
});
