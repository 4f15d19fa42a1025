import rule from '../../../../rules/kubernetes/resources/incomplete-resource-quota';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'all four compute quotas (with the short aliases), and a quota of object counts only',
      code: yaml`
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: compute}
        spec:
          hard: {cpu: "10", memory: 20Gi, limits.cpu: "20", limits.memory: 40Gi}
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: objects}
        spec:
          hard: {pods: "50", count/deployments.apps: "10"}
      `,
    },
  ],
  invalid: [
    {
      name: 'limits missing',
      code: yaml`
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: compute}
        spec:
          hard:
            requests.cpu: "10"
            requests.memory: 20Gi
            pods: "20"
      `,
      errors: [
        {
          range: [4, 2, 4, 6],
          path: 'spec.hard',
          message: 'The ResourceQuota "compute" does not cap limits.cpu, limits.memory. Add limits.cpu, limits.memory to spec.hard.',
        },
      ],
    },
    {
      name: 'no hard entries in the second document (the first uses an anchor)',
      code: yaml`
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: ok}
        spec:
          hard: &all {requests.cpu: "1", requests.memory: 1Gi, limits.cpu: "1", limits.memory: 1Gi}
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: empty}
        spec: {hard: {}}
      `,
      errors: [
        {
          range: [9, 7, 9, 11],
          documentIndex: 1,
          message: 'The ResourceQuota "empty" sets no hard limits. Add spec.hard with requests.cpu, requests.memory, limits.cpu, limits.memory.',
        },
      ],
    },
  ],
});
