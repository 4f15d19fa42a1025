import rule from '../../../../rules/kubernetes/rbac/rbac-nodes-proxy';
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
            resources: [nodes/metrics]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [nodes]
            verbs: [get]
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
            resources: [nodes/proxy]
            verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 27], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects reach the kubelet API of nodes (verb \"get\" on \"nodes/proxy\"). It allows running commands in any pod of a node without audit: use nodes/metrics or nodes/stats for monitoring instead." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects reach the kubelet API of nodes \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
