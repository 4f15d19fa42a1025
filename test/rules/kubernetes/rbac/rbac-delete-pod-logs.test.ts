import rule from '../../../../rules/kubernetes/rbac/rbac-delete-pod-logs';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'reading logs, deleting pods; a resource "*" is left to rbac-wildcard',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [pods/log]
            verbs: [get, list]
          - apiGroups: [""]
            resources: [pods]
            verbs: [delete]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: ["*"]
      `,
    },
  ],
  invalid: [
    {
      name: 'delete and a wildcard verb on pods/log',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [pods, pods/log]
            verbs: [get, delete]
          - apiGroups: [""]
            resources: [pods/log]
            verbs: ["*"]
      `,
      errors: [
        {
          range: [5, 22, 5, 30],
          path: 'rules[0].resources[1]',
          message: 'The Role "r" lets its subjects delete container logs (verb "delete" on "pods/log"). Keep pods/log to "get".',
        },
        {
          range: [8, 16, 8, 24],
          message: 'The Role "r" lets its subjects delete container logs (verb "*" on "pods/log"). Keep pods/log to "get".',
        },
      ],
    },
  ],
});
