import rule from '../../../../rules/kubernetes/rbac/binding-to-authenticated-group';
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
        subjects: [{kind: Group, name: "system:unauthenticated"}, {kind: ServiceAccount, name: "system:authenticated", namespace: x}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: "system:d", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:d"}
        subjects: [{kind: Group, name: "system:authenticated"}]
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
            name: "system:authenticated"
            apiGroup: rbac.authorization.k8s.io
      `,
      errors: [{ range: [6, 10, 6, 32], path: 'subjects[0].name', message: "The ClusterRoleBinding \"b\" grants ClusterRole \"view\" to \"system:authenticated\": every user and every ServiceAccount of the cluster gets it. Bind the groups, users or ServiceAccounts that need it instead." }],
    },
  ],
});
