import rule from '../../../../rules/kubernetes/pod-security/allow-privilege-escalation';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'false on every container type',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers: [{name: i, securityContext: {allowPrivilegeEscalation: false}}]
          containers: [{name: a, securityContext: {allowPrivilegeEscalation: no}}]
          ephemeralContainers: [{name: e, securityContext: {allowPrivilegeEscalation: false}}]
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: a}]\n',
    },
  ],
  invalid: [
    {
      name: 'Deployment: explicit true, missing, null',
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
                    allowPrivilegeEscalation: true
                - name: side
                  image: side:1
                - name: nulled
                  securityContext: {allowPrivilegeEscalation: null}
      `,
      errors: [
        {
          range: [9, 38, 9, 42],
          path: 'spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation',
          message: 'The container "web" allows privilege escalation. Set allowPrivilegeEscalation: false.',
        },
        {
          range: [10, 16, 10, 20],
          path: 'spec.template.spec.containers[1].name',
          message: 'The container "side" does not forbid privilege escalation. Set securityContext.allowPrivilegeEscalation: false.',
        },
        { range: [12, 16, 12, 22], message: /^The container "nulled" does not forbid/ },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers of a Linux pod',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  os: {name: linux}
                  containers: [{name: c, securityContext: {allowPrivilegeEscalation: false}}]
                  initContainers: [{name: init}]
                  ephemeralContainers: [{name: debug, securityContext: {allowPrivilegeEscalation: true}}]
      `,
      errors: [
        { range: [10, 34, 10, 38], message: /^The init container "init" does not forbid/ },
        { range: [11, 90, 11, 94], message: /^The ephemeral container "debug" allows/ },
      ],
    },
    {
      name: 'suggestions in a 4-space file with an indentless sequence: the specific change, then the restricted block',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
            name: web
        spec:
            template:
                spec:
                    containers:
                    - name: web
                      securityContext:
                          privileged: true
                    - name: side
                      image: side:1
      `,
      errors: [
        {
          range: [8, 20, 8, 23],
          suggestions: [
            {
              // The API rejects allowPrivilegeEscalation: false on a privileged container.
              title: 'Set allowPrivilegeEscalation: false, privileged: false in the securityContext of the container "web"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                    name: web
                spec:
                    template:
                        spec:
                            containers:
                            - name: web
                              securityContext:
                                  privileged: false
                                  allowPrivilegeEscalation: false
                            - name: side
                              image: side:1
              `,
            },
            {
              title:
                'Harden the container "web" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, privileged: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                    name: web
                spec:
                    template:
                        spec:
                            containers:
                            - name: web
                              securityContext:
                                  privileged: false
                                  allowPrivilegeEscalation: false
                                  capabilities:
                                      drop:
                                      - ALL
                                  runAsNonRoot: true
                                  seccompProfile:
                                      type: RuntimeDefault
                            - name: side
                              image: side:1
              `,
            },
          ],
        },
        {
          range: [11, 20, 11, 24],
          suggestions: [
            {
              title: 'Set allowPrivilegeEscalation: false in the securityContext of the container "side"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                    name: web
                spec:
                    template:
                        spec:
                            containers:
                            - name: web
                              securityContext:
                                  privileged: true
                            - name: side
                              image: side:1
                              securityContext:
                                  allowPrivilegeEscalation: false
              `,
            },
            {
              title:
                'Harden the container "side" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                    name: web
                spec:
                    template:
                        spec:
                            containers:
                            - name: web
                              securityContext:
                                  privileged: true
                            - name: side
                              image: side:1
                              securityContext:
                                  allowPrivilegeEscalation: false
                                  capabilities:
                                      drop:
                                      - ALL
                                  runAsNonRoot: true
                                  seccompProfile:
                                      type: RuntimeDefault
              `,
            },
          ],
        },
      ],
    },
    {
      // The API refuses allowPrivilegeEscalation: false next to an added SYS_ADMIN: the specific
      // change is not offered, the harden change removes SYS_ADMIN in the same edit.
      name: 'beside an added SYS_ADMIN, only the harden change, which removes it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: fuse}
        spec:
          containers:
            - name: fuse
              securityContext:
                capabilities: {add: [CAP_SYS_ADMIN]}
                allowPrivilegeEscalation: true
      `,
      errors: [
        {
          range: [8, 34, 8, 38],
          suggestions: [
            {
              title:
                'Harden the container "fuse" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove CAP_SYS_ADMIN from capabilities.add)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: fuse}
                spec:
                  containers:
                    - name: fuse
                      securityContext:
                        capabilities: {drop: [ALL]}
                        allowPrivilegeEscalation: false
                        runAsNonRoot: true
                        seccompProfile:
                          type: RuntimeDefault
              `,
            },
          ],
        },
      ],
    },
  ],
});
