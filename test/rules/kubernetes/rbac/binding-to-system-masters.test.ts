import rule from '../../../../rules/kubernetes/rbac/binding-to-system-masters';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'other subjects, a ServiceAccount of that name, and a default binding Kubernetes ships',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: Group, name: "system:authenticated"}, {kind: ServiceAccount, name: "system:masters", namespace: x}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:d", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:d"}
        subjects: [{kind: Group, name: "system:masters"}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a group subject',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
          - kind: Group
            name: "system:masters"
            apiGroup: rbac.authorization.k8s.io
      `,
      errors: [{ range: [6, 10, 6, 26], path: 'subjects[0].name', message: "The ClusterRoleBinding \"b\" grants ClusterRole \"view\" to \"system:masters\": that group bypasses RBAC, so the binding adds nothing and its certificates cannot be revoked. Remove the subject and bind a group of your own instead." }],
    },
  ],
});
