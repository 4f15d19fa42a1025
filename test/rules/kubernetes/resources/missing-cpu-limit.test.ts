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
      name: 'Deployment: a request is not a limit; the new limit equals it',
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
          // Not the 500m default: requests-not-equal-limits would report the request of 100m.
          suggestions: [
            {
              title: 'Add limits.cpu: 100m to the container "web"',
              output: yaml`
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
                            limits: {memory: 128Mi, cpu: 100m}
              `,
            },
          ],
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
    {
      name: 'suggests every missing entry when resources is absent, each request equal to its limit',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                - name: api
                  resources:
                    requests:
                      cpu: "2"   # batch work
                      memory: 64Mi
                    limits: {memory: 256Mi}
      `,
      errors: [
        {
          range: [7, 16, 7, 19],
          // Adding limits.cpu alone would move the other missing entries' findings to the new resources map.
          suggestions: [
            {
              // The limits' defaults for the requests too: a request lower than its limit is a
              // requests-not-equal-limits finding, a lower limit could throttle or OOM-kill.
              title: 'Add requests.cpu: 500m, requests.memory: 256Mi, limits.cpu: 500m, limits.memory: 256Mi to the container "web"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          resources:
                            requests:
                              cpu: 500m
                              memory: 256Mi
                            limits:
                              cpu: 500m
                              memory: 256Mi
                        - name: api
                          resources:
                            requests:
                              cpu: "2"   # batch work
                              memory: 64Mi
                            limits: {memory: 256Mi}
              `,
            },
          ],
        },
        {
          range: [14, 12, 14, 18],
          // The request's value, quotes included: equal to it, and 500m would be below it, which the API rejects.
          suggestions: [
            {
              title: 'Add limits.cpu: 2 to the container "api"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                        - name: api
                          resources:
                            requests:
                              cpu: "2"   # batch work
                              memory: 64Mi
                            limits: {memory: 256Mi, cpu: "2"}
              `,
            },
          ],
        },
      ],
    },
  ],
});
