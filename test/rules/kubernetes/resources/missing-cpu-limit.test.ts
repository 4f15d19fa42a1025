import rule from '../../../../rules/kubernetes/resources/missing-cpu-limit';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'limit set, pod-level limit',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, resources: {limits: {cpu: 500m}}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          resources: {limits: {cpu: "2"}}
          containers: [{name: a}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: a request is not a limit',
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
                    limits: {memory: 128Mi}
      `,
      errors: [
        {
          range: [10, 12, 10, 18],
          path: 'spec.template.spec.containers[0].resources.limits',
          message: 'The container "web" sets no CPU limit, so it can use every core of the node. Add resources.limits.cpu (for example 500m).',
        },
      ],
    },
    {
      name: 'CronJob init container, anchors shared between containers',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      resources: &res
                        requests: {cpu: 100m}
                  initContainers:
                    - name: init
                      resources: *res
      `,
      errors: [
        { range: [10, 14, 10, 23], message: /^The container "job" sets no CPU limit/ },
        { range: [14, 14, 14, 23], message: /^The init container "init" sets no CPU limit/ },
      ],
    },
  ],
});
