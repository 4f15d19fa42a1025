import rule from '../../../../rules/kubernetes/rbac/rbac-wildcard';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'explicit lists, and cluster-admin as Kubernetes ships it',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules: [{apiGroups: [""], resources: [configmaps], verbs: [get]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: cluster-admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'one finding per rule item, on its first wildcard',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r}
        rules:
          - apiGroups: [apps]
            resources: ["*"]
            verbs: ["*"]
          - apiGroups: [""]
            resources: [pods]
            verbs: [get, '*']
      `,
      errors: [
        {
          range: [5, 16, 5, 19],
          path: 'rules[0].resources[0]',
          message: 'The ClusterRole "r" uses "*" in resources, verbs: it grants everything there, including what later versions and CRDs add. List the resources, verbs the subjects need instead.',
        },
        { range: [9, 17, 9, 20], path: 'rules[1].verbs[1]', message: /uses "\*" in verbs:/ },
      ],
    },
  ],
});
