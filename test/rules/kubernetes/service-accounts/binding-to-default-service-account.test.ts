import rule from '../../../../rules/kubernetes/service-accounts/binding-to-default-service-account';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'dedicated accounts, a user named default',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: rb, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects:
          - {kind: ServiceAccount, name: web, namespace: team}
          - {kind: User, name: default, apiGroup: rbac.authorization.k8s.io}
      `,
    },
  ],
  invalid: [
    {
      name: 'RoleBinding with implicit namespace, ClusterRoleBinding in flow style',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: rb, namespace: team}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
        subjects:
          - kind: ServiceAccount
            name: default
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: crb}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: web, namespace: a}, {kind: ServiceAccount, name: default, namespace: b}]
      `,
      errors: [
        {
          range: [6, 10, 6, 17],
          path: 'subjects[0].name',
          message:
            'The RoleBinding "rb" grants its role to the default ServiceAccount of namespace "team", so every pod there without its own account gets it. Bind a dedicated ServiceAccount instead.',
        },
        { range: [12, 89, 12, 96], documentIndex: 1, path: 'subjects[1].name', message: /^The ClusterRoleBinding "crb" grants its role to the default ServiceAccount of namespace "b"/ },
      ],
    },
  ],
});
