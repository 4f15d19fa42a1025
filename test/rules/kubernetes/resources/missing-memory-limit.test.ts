import rule from '../../../../rules/kubernetes/resources/missing-memory-limit';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'limit set, pod-level limit, ephemeral containers skipped',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, resources: {limits: {memory: 256Mi}}}]
          ephemeralContainers: [{name: debug}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          resources: {limits: {memory: 1Gi}}
          containers: [{name: a}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: request only; null limits',
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
                    requests: {memory: 128Mi}
                - name: side
                  resources:
                    limits:
      `,
      errors: [
        {
          range: [8, 10, 8, 19],
          path: 'spec.template.spec.containers[0].resources',
          message: 'The container "web" sets no memory limit, so it can exhaust the node\'s memory. Add resources.limits.memory (for example 256Mi).',
        },
        { range: [12, 12, 12, 18], path: 'spec.template.spec.containers[1].resources.limits', message: /container "side"/ },
      ],
    },
    {
      name: 'CronJob init container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, resources: {limits: {memory: 1Gi}}}]
                  initContainers: [{name: init}]
      `,
      errors: [{ range: [9, 34, 9, 38], message: /^The init container "init" sets no memory limit/ }],
    },
    {
      name: 'suggests the one limit, then both memory entries, in a 4-space file',
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
          range: [10, 16, 10, 22],
          suggestions: [
            {
              title: 'Add limits.memory: 256Mi to the container "web"',
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
                                limits:
                                    cpu: 500m
                                    memory: 256Mi
              `,
            },
            {
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
