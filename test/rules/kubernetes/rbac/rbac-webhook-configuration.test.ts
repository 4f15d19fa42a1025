import rule from '../../../../rules/kubernetes/rbac/rbac-webhook-configuration';
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
          - apiGroups: [admissionregistration.k8s.io]
            resources: [validatingwebhookconfigurations]
            verbs: [list]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [admissionregistration.k8s.io]
            resources: [mutatingwebhookconfigurations]
            verbs: [update]
            resourceNames: [my-webhook]
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
          - apiGroups: [admissionregistration.k8s.io]
            resources: [validatingwebhookconfigurations]
            verbs: [delete]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 47], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects change admission webhooks or policies (verb \"delete\" on \"validatingwebhookconfigurations\" in group \"admissionregistration.k8s.io\"). This lets them read or rewrite every object sent to the API server: keep it to cluster administrators, or limit it to one webhook with resourceNames." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects change admission webhooks or policies \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
