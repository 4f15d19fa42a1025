import rule from '../../../../rules/kubernetes/exposure/service-node-port';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [{ name: 'ClusterIP', code: yaml`
    apiVersion: v1
    kind: Service
    metadata: {name: s}
    spec: {type: ClusterIP, ports: [{port: 80}]}
  ` }],
  invalid: [
    {
      name: 'NodePort',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec:
          type: NodePort
          ports: [{port: 80, nodePort: 30080}]
      `,
      errors: [
        {
          range: [4, 8, 4, 16],
          path: 'spec.type',
          message: 'The Service "s" is of type NodePort: its ports are open on every node of the cluster. Use type ClusterIP behind an Ingress or Gateway instead.',
        },
      ],
    },
  ],
});
