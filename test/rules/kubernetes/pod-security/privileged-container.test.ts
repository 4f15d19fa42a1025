import rule from '../../../../rules/kubernetes/pod-security/privileged-container';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'privileged false and unset',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: nginx:1.27
              securityContext: {privileged: false}
            - name: b
              image: nginx:1.27
      `,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  privileged: "true"\n' },
  ],
  invalid: [
    {
      name: 'Deployment container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext:
                    privileged: true
      `,
      errors: [
        {
          range: [9, 24, 9, 28],
          path: 'spec.template.spec.containers[0].securityContext.privileged',
          message: 'The container "web" is privileged: it can take over the node. Set privileged: false.',
        },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers, flow style, YAML 1.1 boolean',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                  - {name: init, securityContext: {privileged: yes}}
                  ephemeralContainers:
                  - name: debug
                    securityContext:
                      privileged: true
      `,
      errors: [
        { range: [9, 55, 9, 58], message: /init container "init"/ },
        { range: [13, 26, 13, 30], message: /ephemeral container "debug"/ },
      ],
    },
    {
      name: 'second document, through a merge key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: ok}
        spec: {containers: [{name: a}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: bad}
        spec:
          containers:
            - name: b
              securityContext:
                <<: &base {privileged: true}
      `,
      errors: [{ range: [12, 31, 12, 35], documentIndex: 1 }],
    },
    {
      name: 'suggests privileged: false, keeping the comment and the flow style',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  securityContext:
                    privileged: true   # needs devices
                - name: side
                  securityContext: {privileged: yes, runAsNonRoot: true}
      `,
      errors: [
        {
          range: [9, 24, 9, 28],
          suggestions: [
            {
              title: 'Set privileged: false in the securityContext of the container "web"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          securityContext:
                            privileged: false   # needs devices
                        - name: side
                          securityContext: {privileged: yes, runAsNonRoot: true}
              `,
            },
          ],
        },
        {
          range: [11, 40, 11, 43],
          suggestions: [
            {
              title: 'Set privileged: false in the securityContext of the container "side"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          securityContext:
                            privileged: true   # needs devices
                        - name: side
                          securityContext: {privileged: false, runAsNonRoot: true}
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a securityContext shared through an alias gets no suggestion; a merge key gets an own key that overrides it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: bad}
        spec:
          containers:
            - name: b
              securityContext:
                <<: {privileged: true}
            - name: c
              securityContext: &shared
                privileged: true
            - name: d
              securityContext: *shared
      `,
      errors: [
        {
          range: [7, 25, 7, 29],
          suggestions: [
            {
              title: 'Set privileged: false in the securityContext of the container "b"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: bad}
                spec:
                  containers:
                    - name: b
                      securityContext:
                        <<: {privileged: true}
                        privileged: false
                    - name: c
                      securityContext: &shared
                        privileged: true
                    - name: d
                      securityContext: *shared
              `,
            },
          ],
        },
        { range: [10, 20, 10, 24], suggestions: [] },
        { range: [10, 20, 10, 24], suggestions: [] },
      ],
    },
  ],
});
