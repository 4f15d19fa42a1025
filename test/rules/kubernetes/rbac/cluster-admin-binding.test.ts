import rule from '../../../../rules/kubernetes/rbac/cluster-admin-binding';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'edit through a RoleBinding, view cluster-wide, the default cluster-admin binding',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: a, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: cluster-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
      `,
    },
  ],
  invalid: [
    {
      name: 'cluster-admin anywhere, admin cluster-wide',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: a, namespace: team}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: ClusterRole
          name: cluster-admin
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: b}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
      `,
      errors: [
        {
          range: [6, 8, 6, 21],
          path: 'roleRef.name',
          message: 'The RoleBinding "a" grants cluster-admin: full control of namespace "team". Bind a Role with only the permissions its subjects need instead.',
        },
        {
          range: [11, 72, 11, 77],
          documentIndex: 1,
          message: 'The ClusterRoleBinding "b" grants "admin" in every namespace, kube-system included. Use RoleBindings in the namespaces its subjects manage instead.',
        },
      ],
    },
  ],
});
