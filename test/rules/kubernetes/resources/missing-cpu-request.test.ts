import rule from '../../../../rules/kubernetes/resources/missing-cpu-request';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'request set, limit alone (copied into the request), pod-level request, ephemeral containers skipped',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, resources: {requests: {cpu: 100m}}}
            - {name: b, resources: {limits: {cpu: "1"}}}
          ephemeralContainers:
            - name: debug
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: pod-level}
        spec:
          resources: {requests: {cpu: 500m}}
          containers: [{name: a}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: no resources, memory only, empty value',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                - name: mem
                  resources:
                    requests:
                      memory: 64Mi
                - name: blank
                  resources:
                    requests: {cpu: ""}
      `,
      errors: [
        {
          range: [7, 16, 7, 19],
          path: 'spec.template.spec.containers[0].name',
          message: 'The container "web" sets no CPU request, so the scheduler reserves no CPU for it. Add resources.requests.cpu (for example 100m).',
        },
        { range: [10, 12, 10, 20], path: 'spec.template.spec.containers[1].resources.requests', message: /container "mem"/ },
        { range: [14, 12, 14, 20], path: 'spec.template.spec.containers[2].resources.requests', message: /container "blank"/ },
      ],
    },
    {
      name: 'CronJob init container pointing at resources, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job, resources: {requests: {cpu: 1}}}]
                  initContainers: [{name: init, resources: {}}]
      `,
      errors: [{ range: [9, 40, 9, 49], path: 'spec.jobTemplate.spec.template.spec.initContainers[0].resources', message: /^The init container "init"/ }],
    },
    {
      name: 'replaces a null requests map in an indentless file; the limit joins a flow map',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                  - name: job
                    resources:
                      limits: {memory: 1Gi}
                      requests: ~
      `,
      errors: [
        {
          range: [13, 24, 13, 25],
          suggestions: [
            {
              title: 'Add requests.cpu: 100m to the container "job"',
              output: yaml`
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: c}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                          - name: job
                            resources:
                              limits: {memory: 1Gi}
                              requests:
                                cpu: 100m
              `,
            },
            {
              // Both new: the request takes the limit's value, as requests-not-equal-limits asks.
              title: 'Add requests.cpu: 500m, limits.cpu: 500m to the container "job"',
              output: yaml`
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: c}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers:
                          - name: job
                            resources:
                              limits: {memory: 1Gi, cpu: 500m}
                              requests:
                                cpu: 500m
              `,
            },
          ],
        },
      ],
    },
  ],
});
