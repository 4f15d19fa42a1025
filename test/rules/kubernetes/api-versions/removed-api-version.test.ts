import assert from 'node:assert/strict';
import rule from '../../../../rules/kubernetes/api-versions/removed-api-version';
import { runRule, ruleTester, yaml } from '../../../harness/rule-tester';

const CRONJOB = yaml`
  apiVersion: batch/v1beta1 # keep
  kind: CronJob
  metadata: {name: c}
`;

ruleTester(rule, {
  valid: [
    { name: 'current versions', code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n' },
    { name: 'removed after the target version', kubernetesVersion: '1.28', code: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: f}\n' },
    { name: 'a custom resource with a look-alike version', code: 'apiVersion: example.com/v1beta1\nkind: CronJob\nmetadata: {name: c}\n' },
  ],
  invalid: [
    {
      name: 'CronJob, Ingress, PodSecurityPolicy',
      code: yaml`
        apiVersion: batch/v1beta1
        kind: CronJob
        metadata: {name: c}
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: i}
        ---
        apiVersion: policy/v1beta1
        kind: PodSecurityPolicy
        metadata: {name: p}
      `,
      errors: [
        {
          range: [0, 12, 0, 25],
          path: 'apiVersion',
          message: 'batch/v1beta1 CronJob was removed in Kubernetes 1.25; the target 1.37 rejects it. Use batch/v1 instead.',
        },
        {
          range: [4, 12, 4, 30],
          message:
            'extensions/v1beta1 Ingress was removed in Kubernetes 1.22; the target 1.37 rejects it. Use networking.k8s.io/v1 instead (backends become service.name/service.port and every path needs a pathType).',
        },
        {
          range: [8, 12, 8, 26],
          message:
            'policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; the target 1.37 rejects it. PodSecurityPolicy is gone: label the namespace for Pod Security Admission (pod-security.kubernetes.io/enforce) instead.',
        },
      ],
    },
    {
      name: 'PodSecurityPolicy in both of its groups, even at the oldest supported version',
      kubernetesVersion: '1.25',
      code: 'apiVersion: extensions/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: old}\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n',
      errors: [
        {
          range: [0, 12, 0, 30],
          message:
            'extensions/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.16; the target 1.25 rejects it. PodSecurityPolicy is gone since 1.25: label the namespace for Pod Security Admission (pod-security.kubernetes.io/enforce) instead.',
        },
        {
          range: [4, 12, 4, 26],
          documentIndex: 1,
          message:
            'policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25; the target 1.25 rejects it. PodSecurityPolicy is gone: label the namespace for Pod Security Admission (pod-security.kubernetes.io/enforce) instead.',
        },
      ],
    },
    {
      name: 'flowcontrol v1beta3 from 1.32',
      kubernetesVersion: '1.32',
      code: 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata: {name: f}\n',
      errors: [{ range: [0, 12, 0, 48], message: /^flowcontrol.apiserver.k8s.io\/v1beta3 FlowSchema was removed in Kubernetes 1.32; the target 1.32 rejects it/ }],
    },
  ],
});

describe('removed-api-version changes', () => {
  it('fixes a version whose schema did not change, keeping the comment', () => {
    const [finding] = runRule(rule, CRONJOB);
    assert.deepEqual(finding.fix, { title: 'Change apiVersion to batch/v1', edits: [{ start: 12, end: 25, newText: 'batch/v1' }] });
    assert.equal(finding.suggestions, undefined);
  });

  it('only suggests policy/v1 for a PodDisruptionBudget, and changes nothing for an Ingress', () => {
    const [pdb] = runRule(rule, 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: p}\n');
    assert.equal(pdb.fix, undefined);
    assert.deepEqual(pdb.suggestions, [
      {
        title: 'Change apiVersion to policy/v1 (an empty spec.selector now selects every pod of the namespace instead of none)',
        edits: [{ start: 12, end: 26, newText: 'policy/v1' }],
      },
    ]);
    const [ingress] = runRule(rule, 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: i}\n');
    assert.deepEqual([ingress.fix, ingress.suggestions], [undefined, undefined]);
  });
});
