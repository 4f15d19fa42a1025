import rule from '../../../../rules/kubernetes/exposure/load-balancer-without-source-ranges';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'source ranges in the spec or the annotation, internal load balancers, ClusterIP',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: a}
        spec: {type: LoadBalancer, loadBalancerSourceRanges: [10.0.0.0/8]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, annotations: {service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8"}}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: c, annotations: {networking.gke.io/load-balancer-type: Internal}}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: d, annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}}
        spec: {type: LoadBalancer}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: e}
        spec: {type: ClusterIP}
      `,
    },
  ],
  invalid: [
    {
      name: 'no ranges, and an AWS annotation that says not internal',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: web, annotations: {service.beta.kubernetes.io/azure-load-balancer-internal: "false"}}
        spec:
          type: LoadBalancer
          loadBalancerSourceRanges: []
      `,
      errors: [
        {
          range: [4, 8, 4, 20],
          path: 'spec.type',
          message: 'The LoadBalancer Service "web" has no loadBalancerSourceRanges: it accepts connections from any address. Set spec.loadBalancerSourceRanges to the client networks, or make the load balancer internal.',
        },
      ],
    },
  ],
});
