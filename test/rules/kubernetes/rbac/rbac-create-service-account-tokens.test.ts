import rule from '../../../../rules/kubernetes/rbac/rbac-create-service-account-tokens';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'another resource or verb, or narrowed by resourceNames',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [serviceaccounts]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [serviceaccounts/token]
            verbs: [create]
            resourceNames: [builder]
      `,
    },
    {
      name: 'a default ClusterRole Kubernetes ships',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: "system:x", labels: {kubernetes.io/bootstrapping: rbac-defaults}}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
    },
  ],
  invalid: [
    {
      name: 'explicit grant, then the same through wildcards',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: r}
        rules:
          - apiGroups: [""]
            resources: [serviceaccounts/token]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 37], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects issue tokens for any ServiceAccount in scope (verb \"create\" on \"serviceaccounts/token\"). They can then act as those accounts: remove it, or limit it to one account with resourceNames." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects issue tokens for any ServiceAccount in scope \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
