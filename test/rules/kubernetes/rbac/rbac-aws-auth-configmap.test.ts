import assert from 'node:assert/strict';
import rule from '../../../../rules/kubernetes/rbac/rbac-aws-auth-configmap';
import { runRule, ruleTester, yaml } from '../../../harness/rule-tester';

const NAMED_PATCH = yaml`
  apiVersion: rbac.authorization.k8s.io/v1
  kind: Role
  metadata: {name: iam-sync, namespace: kube-system}
  rules:
    - apiGroups: [""]
      resources: [configmaps]
      resourceNames: [aws-auth]
      verbs: [get, patch]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'read-only access to aws-auth, writes to other named or unnamed ConfigMaps',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: kube-system}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            resourceNames: [aws-auth]
            verbs: [get, watch]
          - apiGroups: [""]
            resources: [configmaps]
            resourceNames: [coredns]
            verbs: [update]
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [create]
          - apiGroups: [apps]
            resources: [configmaps]
            resourceNames: [aws-auth]
            verbs: [update]
      `,
    },
    {
      name: 'a default ClusterRole Kubernetes ships',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: x, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        rules: [{apiGroups: [""], resources: [configmaps], resourceNames: [aws-auth], verbs: [update]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'patch of aws-auth by name',
      code: NAMED_PATCH,
      errors: [
        {
          range: [5, 16, 5, 26],
          path: 'rules[0].resources[0]',
          message:
            'The Role "iam-sync" lets its subjects patch the ConfigMap "aws-auth" (verb "patch"): on EKS that maps IAM identities to Kubernetes groups, system:masters included. Manage aws-auth from infrastructure code or use EKS access entries, and remove the write verbs.',
        },
      ],
    },
    {
      name: 'every verb and group, with other names beside it',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: c}
        rules:
          - {apiGroups: ["*"], resources: ["*"], resourceNames: [coredns, aws-auth], verbs: ["*"]}
      `,
      errors: [
        {
          range: [4, 35, 4, 38],
          message:
            'The ClusterRole "c" lets its subjects update the ConfigMap "aws-auth" among the resourceNames (verb "*"): on EKS that maps IAM identities to Kubernetes groups, system:masters included. Manage aws-auth from infrastructure code or use EKS access entries, and remove the write verbs.',
        },
      ],
    },
  ],
});

describe('rbac-aws-auth-configmap related location', () => {
  it('points at the verb that grants the write', () => {
    const [finding] = runRule(rule, NAMED_PATCH);
    assert.deepEqual(finding.related, [{ start: 205, end: 210, range: { start: { line: 7, character: 17 }, end: { line: 7, character: 22 } }, message: '"patch" grants patch' }]);
  });
});
