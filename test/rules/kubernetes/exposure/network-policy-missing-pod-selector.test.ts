import rule from '../../../../rules/kubernetes/exposure/network-policy-missing-pod-selector';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'an explicit selector, empty or not; another API group',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny}
        spec: {podSelector: {}, policyTypes: [Ingress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector:
            matchLabels: {app: web}
        ---
        apiVersion: crd.projectcalico.org/v1
        kind: NetworkPolicy
        metadata: {name: calico}
        spec: {selector: all()}
      `,
    },
  ],
  invalid: [
    {
      name: 'block spec without podSelector: the fix adds the empty selector',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          ingress:
            - ports: [{port: 80}]
      `,
      errors: [
        {
          range: [3, 0, 3, 4],
          path: 'spec',
          message: 'The NetworkPolicy "web" has no spec.podSelector, so it applies to every pod of its namespace. Write podSelector: {} if that is meant, or match the labels of the pods it protects.',
        },
      ],
      output: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          ingress:
            - ports: [{port: 80}]
          podSelector: {}
      `,
    },
    {
      name: 'flow spec, and no spec at all (reported on kind, nothing to fix)',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a}
        spec: {policyTypes: [Egress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b}
      `,
      errors: [
        { range: [3, 0, 3, 4], message: /^The NetworkPolicy "a" has no spec.podSelector/ },
        { range: [6, 6, 6, 19], documentIndex: 1, message: /^The NetworkPolicy "b" has no spec.podSelector/ },
      ],
      output: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: a}
        spec: {policyTypes: [Egress], podSelector: {}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: b}
      `,
    },
  ],
});
