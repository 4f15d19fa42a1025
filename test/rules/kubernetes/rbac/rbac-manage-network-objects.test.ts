import rule from '../../../../rules/kubernetes/rbac/rbac-manage-network-objects';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'read-only, a group that does not serve the resource, a resource "*" (left to rbac-wildcard)',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: watcher}
        rules:
          - apiGroups: ["", discovery.k8s.io, networking.k8s.io]
            resources: [services, endpoints, endpointslices, ingresses, networkpolicies]
            verbs: [get, list, watch]
          - apiGroups: [""]
            resources: [networkpolicies]
            verbs: [create]
          - apiGroups: [networking.k8s.io]
            resources: [ingresses/status]
            verbs: [update]
          - apiGroups: ["*"]
            resources: ["*"]
            verbs: [patch]
      `,
    },
  ],
  invalid: [
    {
      name: 'endpoints, NetworkPolicies and Ingresses',
      code: yaml`
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: mesh, namespace: team}
        rules:
          - apiGroups: [""]
            resources: [services, endpoints]
            verbs: [get, patch]
          - apiGroups: [networking.k8s.io]
            resources: [networkpolicies]
            verbs: [delete]
          - apiGroups: [discovery.k8s.io]
            resources: ["*", endpointslices]
            verbs: [create]
      `,
      errors: [
        {
          range: [5, 26, 5, 35],
          path: 'rules[0].resources[1]',
          message:
            'The Role "mesh" lets its subjects change how traffic is routed or filtered (verb "patch" on "endpoints"). Keep these writes to the pipelines and controllers that own the objects.',
        },
        {
          range: [8, 16, 8, 31],
          message:
            'The Role "mesh" lets its subjects change how traffic is routed or filtered (verb "delete" on "networkpolicies" in group "networking.k8s.io"). Keep these writes to the pipelines and controllers that own the objects.',
        },
        {
          range: [11, 21, 11, 35],
          message:
            'The Role "mesh" lets its subjects change how traffic is routed or filtered (verb "create" on "endpointslices" in group "discovery.k8s.io"). Keep these writes to the pipelines and controllers that own the objects.',
        },
      ],
    },
  ],
});
