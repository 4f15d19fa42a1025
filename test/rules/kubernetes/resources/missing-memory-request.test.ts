import rule from '../../../../rules/kubernetes/resources/missing-memory-request';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'request set, limit alone',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, resources: {requests: {memory: 64Mi}}}
            - {name: b, resources: {limits: {memory: 1Gi}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment and CronJob init container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  resources:
                    requests: {cpu: 100m}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, resources: {requests: {memory: 1Gi}}}]
                  initContainers: [{name: init}]
      `,
      errors: [
        {
          range: [9, 12, 9, 20],
          message:
            'The container "web" sets no memory request, so the scheduler reserves no memory for it. Add resources.requests.memory (for example 128Mi).',
        },
        { range: [20, 34, 20, 38], documentIndex: 1, message: /^The init container "init" sets no memory request/ },
      ],
    },
    {
      name: 'suggests the one entry, then both memory entries, in a 4-space file',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata:
            name: p
        spec:
            containers:
                -   name: web
                    resources:
                        requests:
                            cpu: 250m
                        limits:
                            cpu: 500m
      `,
      errors: [
        {
          range: [8, 16, 8, 24],
          suggestions: [
            {
              title: 'Add requests.memory: 128Mi to the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata:
                    name: p
                spec:
                    containers:
                        -   name: web
                            resources:
                                requests:
                                    cpu: 250m
                                    memory: 128Mi
                                limits:
                                    cpu: 500m
              `,
            },
            {
              // Both new: the request takes the limit's value, as requests-not-equal-limits asks.
              title: 'Add requests.memory: 256Mi, limits.memory: 256Mi to the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata:
                    name: p
                spec:
                    containers:
                        -   name: web
                            resources:
                                requests:
                                    cpu: 250m
                                    memory: 256Mi
                                limits:
                                    cpu: 500m
                                    memory: 256Mi
              `,
            },
          ],
        },
      ],
    },
  ],
});
