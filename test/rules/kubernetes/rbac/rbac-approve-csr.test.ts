import rule from '../../../../rules/kubernetes/rbac/rbac-approve-csr';
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
          - apiGroups: [certificates.k8s.io]
            resources: [certificatesigningrequests]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [certificates.k8s.io]
            resources: [certificatesigningrequests/status]
            verbs: [update]
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
          - apiGroups: [certificates.k8s.io]
            resources: [certificatesigningrequests/approval]
            verbs: [update]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 51], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects approve certificate signing requests (verb \"update\" on \"certificatesigningrequests/approval\" in group \"certificates.k8s.io\"). Approved certificates can authenticate as any user or group: keep approval to cluster administrators." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects approve certificate signing requests \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
