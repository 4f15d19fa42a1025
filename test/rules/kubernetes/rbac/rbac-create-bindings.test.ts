import rule from '../../../../rules/kubernetes/rbac/rbac-create-bindings';
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
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [rolebindings]
            verbs: [list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [rolebindings]
            verbs: [patch]
            resourceNames: [mine]
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
          - apiGroups: [rbac.authorization.k8s.io]
            resources: [rolebindings]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 28], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects create or change role bindings (verb \"create\" on \"rolebindings\" in group \"rbac.authorization.k8s.io\"). This lets them give roles to any account: keep it to cluster administrators." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects create or change role bindings \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
