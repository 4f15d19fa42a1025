import rule from '../../../../rules/kubernetes/rbac/rbac-create-pods';
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
            resources: [pods]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [apps]
            resources: [deployments/scale]
            verbs: [patch]
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
          - apiGroups: [apps]
            resources: [deployments]
            verbs: [patch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 27], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects create pods or change what a controller runs (verb \"patch\" on \"deployments\" in group \"apps\"). This lets them run pods as any ServiceAccount of the namespace and read its Secrets: grant it only to the accounts that deploy workloads." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects create pods or change what a controller runs \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
