import rule from '../../../../rules/kubernetes/pod-security/run-as-non-root';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const userNamespacePod = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: userns}
  spec:
    hostUsers: false
    containers: [{name: a}]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'pod-level true covers containers that do not override it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsNonRoot: true}
          initContainers: [{name: i}]
          containers: [{name: a, securityContext: {runAsNonRoot: true}}]
          ephemeralContainers: [{name: e}]
      `,
    },
    {
      name: 'every container sets it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, securityContext: {runAsNonRoot: true}}, {name: b, securityContext: {runAsNonRoot: yes}}]
      `,
    },
    { name: 'hostUsers: false from 1.35', code: userNamespacePod, kubernetesVersion: '1.35' },
  ],
  invalid: [
    {
      name: 'hostUsers: false before 1.35',
      code: userNamespacePod,
      kubernetesVersion: '1.34',
      errors: [
        {
          range: [5, 22, 5, 23],
          path: 'spec.containers[0].name',
          message:
            'The container "a" may run as root: neither it nor the pod sets runAsNonRoot. Set securityContext.runAsNonRoot: true on the pod or the container.',
        },
      ],
    },
    {
      name: 'Deployment: pod-level false is reported once, even with container overrides',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: false
              containers:
                - name: web
                  securityContext: {runAsNonRoot: true}
                - name: side
      `,
      errors: [
        {
          range: [7, 22, 7, 27],
          path: 'spec.template.spec.securityContext.runAsNonRoot',
          message: 'The pod sets runAsNonRoot: false, so its containers may run as root. Set runAsNonRoot: true.',
        },
      ],
    },
    {
      name: 'CronJob: a container sets false, the init container sets nothing',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c, securityContext: {runAsNonRoot: true}}, {name: d, securityContext: {runAsNonRoot: false}}]
                  initContainers: [{name: init}]
      `,
      errors: [
        {
          range: [8, 115, 8, 120],
          message: 'The container "d" sets runAsNonRoot: false and may run as root. Set runAsNonRoot: true.',
        },
        { range: [9, 34, 9, 38], message: /^The init container "init" may run as root/ },
      ],
    },
    {
      name: 'two containers lacking it: container level, then pod level, then the restricted block (deduplicated)',
      code: yaml`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: j
        spec:
          template:
            spec:
              securityContext:
                seccompProfile:
                  type: RuntimeDefault
              initContainers:
                - name: init
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities:
                      drop: [ALL]
              containers:
                - name: main
      `,
      errors: [
        {
          range: [17, 16, 17, 20],
          suggestions: [
            {
              title: 'Set runAsNonRoot: true in the securityContext of the container "main"',
              output: yaml`
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: j
                spec:
                  template:
                    spec:
                      securityContext:
                        seccompProfile:
                          type: RuntimeDefault
                      initContainers:
                        - name: init
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop: [ALL]
                      containers:
                        - name: main
                          securityContext:
                            runAsNonRoot: true
              `,
            },
            {
              title: "Set runAsNonRoot: true in the pod's securityContext",
              output: yaml`
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: j
                spec:
                  template:
                    spec:
                      securityContext:
                        seccompProfile:
                          type: RuntimeDefault
                        runAsNonRoot: true
                      initContainers:
                        - name: init
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop: [ALL]
                      containers:
                        - name: main
              `,
            },
            {
              title:
                'Harden the container "main" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true)',
              output: yaml`
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: j
                spec:
                  template:
                    spec:
                      securityContext:
                        seccompProfile:
                          type: RuntimeDefault
                      initContainers:
                        - name: init
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop: [ALL]
                      containers:
                        - name: main
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop:
                                - ALL
                            runAsNonRoot: true
              `,
            },
          ],
        },
        {
          range: [11, 16, 11, 20],
          // Hardening "init" needs nothing but runAsNonRoot: the same edit as the first suggestion, offered once.
          suggestions: [
            {
              title: 'Set runAsNonRoot: true in the securityContext of the init container "init"',
              output: yaml`
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: j
                spec:
                  template:
                    spec:
                      securityContext:
                        seccompProfile:
                          type: RuntimeDefault
                      initContainers:
                        - name: init
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop: [ALL]
                            runAsNonRoot: true
                      containers:
                        - name: main
              `,
            },
            {
              title: "Set runAsNonRoot: true in the pod's securityContext",
              output: yaml`
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: j
                spec:
                  template:
                    spec:
                      securityContext:
                        seccompProfile:
                          type: RuntimeDefault
                        runAsNonRoot: true
                      initContainers:
                        - name: init
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities:
                              drop: [ALL]
                      containers:
                        - name: main
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'flow containers and an explicit false: the value is rewritten in place, the comment kept',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsUser: 10001}
          containers:
            - {name: a, image: a:1}
            - name: b
              securityContext:
                runAsNonRoot: false # legacy image
      `,
      errors: [
        {
          range: [6, 13, 6, 14],
          suggestions: [
            {
              title: 'Set runAsNonRoot: true in the securityContext of the container "a"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsUser: 10001}
                  containers:
                    - {name: a, image: a:1, securityContext: {runAsNonRoot: true}}
                    - name: b
                      securityContext:
                        runAsNonRoot: false # legacy image
              `,
            },
            {
              title:
                'Harden the container "a" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsUser: 10001}
                  containers:
                    - {name: a, image: a:1, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}}
                    - name: b
                      securityContext:
                        runAsNonRoot: false # legacy image
              `,
            },
          ],
        },
        {
          range: [9, 22, 9, 27],
          suggestions: [
            {
              title: 'Set runAsNonRoot: true in the securityContext of the container "b"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsUser: 10001}
                  containers:
                    - {name: a, image: a:1}
                    - name: b
                      securityContext:
                        runAsNonRoot: true # legacy image
              `,
            },
            {
              title:
                'Harden the container "b" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext: {runAsUser: 10001}
                  containers:
                    - {name: a, image: a:1}
                    - name: b
                      securityContext:
                        runAsNonRoot: true # legacy image
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                            - ALL
                        seccompProfile:
                          type: RuntimeDefault
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a pod-level false: set it to true on the pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: c\n',
      errors: [
        {
          range: [5, 18, 5, 23],
          suggestions: [
            {
              title: "Set runAsNonRoot: true in the pod's securityContext",
              output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: q}\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: c\n',
            },
          ],
        },
      ],
    },
  ],
});
