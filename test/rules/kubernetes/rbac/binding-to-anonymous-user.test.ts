import rule from '../../../../rules/kubernetes/rbac/binding-to-anonymous-user';
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
        subjects: [{kind: Group, name: "system:authenticated"}, {kind: ServiceAccount, name: "system:unauthenticated", namespace: x}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:d", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:d"}
        subjects: [{kind: Group, name: "system:unauthenticated"}]
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
            name: "system:unauthenticated"
            apiGroup: rbac.authorization.k8s.io
      `,
      errors: [{ range: [6, 10, 6, 34], path: 'subjects[0].name', message: "The ClusterRoleBinding \"b\" grants ClusterRole \"view\" to \"system:unauthenticated\": anyone who can reach the API server gets it, without credentials. Bind named ServiceAccounts, users or groups instead." }],
    },
  ],
});
