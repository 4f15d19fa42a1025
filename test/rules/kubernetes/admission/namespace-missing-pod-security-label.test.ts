import assert from 'node:assert/strict';
import { yaml } from '../../../harness/rule-tester';
import { applyEdits, runWorkspace, workspaceFindings } from '../../cross-file/workspace-tester';

const ID = 'namespace-missing-pod-security-label';

const NAMESPACES = yaml`
  apiVersion: v1
  kind: Namespace
  metadata:
    name: web
  ---
  apiVersion: v1
  kind: Namespace
  metadata:
    name: ops
    labels:
      pod-security.kubernetes.io/enforce: privileged
  ---
  apiVersion: v1
  kind: Namespace
  metadata: {name: empty}
  ---
  apiVersion: v1
  kind: Namespace
  metadata:
    name: done
    labels: {pod-security.kubernetes.io/enforce: baseline}
`;

/** web: a pod that passes baseline only; ops: a privileged pod. */
const WORKLOADS = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: a, namespace: web}
  spec:
    containers: [{name: c, image: nginx:1.27}]
  ---
  apiVersion: v1
  kind: Pod
  metadata: {name: b, namespace: ops}
  spec:
    containers: [{name: c, image: nginx:1.27, securityContext: {privileged: true}}]
`;

describe(ID, () => {
  it('reports namespaces without enforce or with privileged, on the name or the label', () => {
    assert.deepEqual(
      runWorkspace({ 'ns.yaml': NAMESPACES, 'pods.yaml': WORKLOADS }, ID).map((f) => [f.file, f.range, f.message]),
      [
        ['ns.yaml', [3, 8, 3, 11], 'The Namespace "web" has no pod-security.kubernetes.io/enforce label: Pod Security Admission lets any pod in. Label it pod-security.kubernetes.io/enforce: baseline.'],
        ['ns.yaml', [10, 40, 10, 50], 'The Namespace "ops" enforces the privileged level, which allows everything: Pod Security Admission lets any pod in. Label it pod-security.kubernetes.io/enforce: baseline.'],
        ['ns.yaml', [14, 17, 14, 22], 'The Namespace "empty" has no pod-security.kubernetes.io/enforce label: Pod Security Admission lets any pod in. Label it pod-security.kubernetes.io/enforce: restricted.'],
      ],
    );
  });

  it('suggests the labels at the level the workloads already satisfy', () => {
    const findings = workspaceFindings({ 'ns.yaml': NAMESPACES, 'pods.yaml': WORKLOADS }, ID);
    assert.deepEqual(
      findings.map((f) => f.suggestions?.map((s) => s.title)),
      [
        ['Enforce, audit and warn at Pod Security level "baseline" (all 1 workloads of the namespace pass it)'],
        ['Enforce, audit and warn at Pod Security level "baseline" (rejects 1 of its 1 workloads, which fail baseline)'],
        ['Enforce, audit and warn at Pod Security level "restricted" (no workload of the namespace is among the scanned files)'],
      ],
    );
    const fixed = applyEdits(NAMESPACES, findings.flatMap((f) => f.suggestions![0].edits));
    assert.equal(
      fixed,
      yaml`
        apiVersion: v1
        kind: Namespace
        metadata:
          name: web
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/audit: baseline
            pod-security.kubernetes.io/warn: baseline
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: ops
          labels:
            pod-security.kubernetes.io/enforce: baseline
            pod-security.kubernetes.io/audit: baseline
            pod-security.kubernetes.io/warn: baseline
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: empty, labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/audit: restricted, pod-security.kubernetes.io/warn: restricted}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: done
          labels: {pod-security.kubernetes.io/enforce: baseline}
      `,
    );
    assert.deepEqual(runWorkspace({ 'ns.yaml': fixed, 'pods.yaml': WORKLOADS }, ID), []);
  });
});
