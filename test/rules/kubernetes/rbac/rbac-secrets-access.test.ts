import rule from '../../../../rules/kubernetes/rbac/rbac-secrets-access';
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
            resources: [secrets]
            verbs: [get]
            resourceNames: [app-tls]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [configmaps]
            verbs: [list]
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
            resources: [secrets]
            verbs: [list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 23], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects read or change every Secret in its scope (verb \"list\" on \"secrets\"). Limit the rule to the Secrets needed with resourceNames and verb \"get\", or mount them instead." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects read or change every Secret in its scope \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
