import rule from '../../../../rules/kubernetes/pod-security/drop-all-capabilities';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'drop ALL, alone or among others, every container type',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers: [{name: i, securityContext: {capabilities: {drop: [NET_RAW, ALL]}}}]
          containers: [{name: a, securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}}]
          ephemeralContainers: [{name: e, securityContext: {capabilities: {drop: ["ALL"]}}}]
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          os: {name: windows}
          containers: [{name: a, image: win:1}]
      `,
    },
  ],
  invalid: [
    {
      name: 'missing security context, empty capabilities, lower-case all, partial drop',
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
                - name: empty
                  securityContext: {capabilities: {}}
                - name: lower
                  securityContext:
                    capabilities:
                      drop: [all]
                - name: partial
                  securityContext: {capabilities: {drop: [NET_RAW]}}
      `,
      errors: [
        {
          range: [7, 16, 7, 19],
          path: 'spec.template.spec.containers[0].name',
          message: `The container "web" keeps the runtime's default capabilities. Set securityContext.capabilities.drop: ["ALL"].`,
        },
        { range: [9, 16, 9, 21], message: /container "empty" keeps/ },
        {
          range: [14, 14, 14, 18],
          path: 'spec.template.spec.containers[2].securityContext.capabilities.drop',
          message: 'The container "lower" drops some capabilities but not ALL. Write drop: ["ALL"] in its capabilities.',
        },
        { range: [16, 43, 16, 47], message: /container "partial" drops some/ },
      ],
    },
    {
      name: 'CronJob ephemeral container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c, securityContext: {capabilities: {drop: [ALL]}}}]
                  ephemeralContainers: [{name: debug}]
      `,
      errors: [{ range: [9, 39, 9, 44], message: /^The ephemeral container "debug"/ }],
    },
    {
      name: 'ALL joins a block list (comment kept) or a flow list; a lower-case all is rewritten',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: web
              securityContext:
                allowPrivilegeEscalation: false
                capabilities:
                  drop:
                  - NET_RAW   # CVE-2020-14386
            - name: side
              securityContext: {capabilities: {drop: [all]}}
            - name: flow
              securityContext: {capabilities: {drop: [NET_RAW]}}
      `,
      errors: [
        {
          range: [9, 10, 9, 14],
          suggestions: [
            {
              title: 'Set capabilities.drop: [ALL] in the securityContext of the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                          - NET_RAW   # CVE-2020-14386
                          - ALL
                    - name: side
                      securityContext: {capabilities: {drop: [all]}}
                    - name: flow
                      securityContext: {capabilities: {drop: [NET_RAW]}}
              `,
            },
            {
              title:
                'Harden the container "web" to the restricted Pod Security Standard (capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                          - NET_RAW   # CVE-2020-14386
                          - ALL
                        runAsNonRoot: true
                        seccompProfile:
                          type: RuntimeDefault
                    - name: side
                      securityContext: {capabilities: {drop: [all]}}
                    - name: flow
                      securityContext: {capabilities: {drop: [NET_RAW]}}
              `,
            },
          ],
        },
        {
          range: [12, 39, 12, 43],
          // Hardening would not touch the list (the builders read all as ALL), so it is not offered.
          suggestions: [
            {
              title: 'Write ALL in upper case in capabilities.drop of the container "side"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                          - NET_RAW   # CVE-2020-14386
                    - name: side
                      securityContext: {capabilities: {drop: [ALL]}}
                    - name: flow
                      securityContext: {capabilities: {drop: [NET_RAW]}}
              `,
            },
          ],
        },
        {
          range: [14, 39, 14, 43],
          suggestions: [
            {
              title: 'Set capabilities.drop: [ALL] in the securityContext of the container "flow"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                          - NET_RAW   # CVE-2020-14386
                    - name: side
                      securityContext: {capabilities: {drop: [all]}}
                    - name: flow
                      securityContext: {capabilities: {drop: [NET_RAW, ALL]}}
              `,
            },
            {
              title:
                'Harden the container "flow" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      securityContext:
                        allowPrivilegeEscalation: false
                        capabilities:
                          drop:
                          - NET_RAW   # CVE-2020-14386
                    - name: side
                      securityContext: {capabilities: {drop: [all]}}
                    - name: flow
                      securityContext: {capabilities: {drop: [NET_RAW, ALL]}, allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
              `,
            },
          ],
        },
      ],
    },
  ],
});
