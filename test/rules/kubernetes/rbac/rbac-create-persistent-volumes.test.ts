import rule from '../../../../rules/kubernetes/rbac/rbac-create-persistent-volumes';
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
            resources: [persistentvolumeclaims]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [persistentvolumes]
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
            resources: [persistentvolumes]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: w, namespace: team}
        rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]
      `,
      errors: [
        { range: [5, 16, 5, 33], path: 'rules[0].resources[0]', message: "The ClusterRole \"r\" lets its subjects create PersistentVolumes (verb \"create\" on \"persistentvolumes\"). A hostPath PersistentVolume reaches the node's file system: let workloads use PersistentVolumeClaims instead." },
        { range: [11, 39, 11, 42], documentIndex: 1, message: /^The Role "w" lets its subjects create PersistentVolumes \(verb "\*" on "\*"/ },
      ],
    },
  ],
});
