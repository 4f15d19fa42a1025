import rule from '../../../../rules/kubernetes/rbac/rbac-manage-configmaps';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'read-only, narrowed by resourceNames, or another resource',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [get, list, watch]
          - apiGroups: [""]
            resources: [configmaps]
            resourceNames: [app-settings]
            verbs: [update, patch]
          - apiGroups: [coordination.k8s.io]
            resources: [leases]
            verbs: [create, update]
      `,
    },
    {
      name: 'a default ClusterRole Kubernetes ships',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: edit, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        rules: [{apiGroups: [""], resources: [configmaps], verbs: [create, update]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'a write verb, then a wildcard verb (a resource "*" is left to rbac-wildcard)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: leader, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [pods, configmaps]
            verbs: [get, update]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: w}
        rules: [{apiGroups: ["*"], resources: ["*", configmaps], verbs: ["*"]}]
      `,
      errors: [
        {
          range: [5, 22, 5, 32],
          path: 'rules[0].resources[1]',
          message:
            'The Role "leader" lets its subjects create, change or delete every ConfigMap in its scope (verb "update" on "configmaps"). Name the ConfigMaps it manages with resourceNames, or use Leases for leader election.',
        },
        {
          range: [11, 44, 11, 54],
          documentIndex: 1,
          message: 'The ClusterRole "w" lets its subjects create, change or delete every ConfigMap in its scope (verb "*" on "configmaps"). Name the ConfigMaps it manages with resourceNames, or use Leases for leader election.',
        },
      ],
    },
  ],
});
