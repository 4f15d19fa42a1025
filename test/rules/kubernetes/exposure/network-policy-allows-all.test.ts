import rule from '../../../../rules/kubernetes/exposure/network-policy-allows-all';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'peers, ports only, and a wide block with except',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p}
        spec:
          podSelector: {}
          ingress:
            - from: [{podSelector: {matchLabels: {app: a}}}]
            - ports: [{port: 443}]
          egress:
            - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'empty rules in both directions and open ipBlocks',
      code: yaml`
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: p}
        spec:
          podSelector: {}
          ingress:
            - {}
            - from: [{ipBlock: {cidr: "::/0"}}]
          egress:
            - to: []
            - to:
                - ipBlock:
                    cidr: 0.0.0.0/0
                    except: []
      `,
      errors: [
        {
          range: [6, 6, 6, 7],
          path: 'spec.ingress[0]',
          message: 'The NetworkPolicy "p" has an empty ingress rule: it allows ingress from any source on every port. List the peers and ports the pods need instead.',
        },
        {
          range: [7, 30, 7, 36],
          path: 'spec.ingress[1].from[0].ipBlock.cidr',
          message:
            'The NetworkPolicy "p" allows ingress from any source through ipBlock ::/0 without except, the internet and the cloud metadata endpoint included. Narrow the cidr, or add except entries for private ranges and 169.254.169.254/32.',
        },
        { range: [9, 6, 9, 8], path: 'spec.egress[0]', message: /has an empty egress rule: it allows egress to any destination/ },
        { range: [12, 18, 12, 27], path: 'spec.egress[1].to[0].ipBlock.cidr', message: /allows egress to any destination through ipBlock 0\.0\.0\.0\/0/ },
      ],
    },
  ],
});
