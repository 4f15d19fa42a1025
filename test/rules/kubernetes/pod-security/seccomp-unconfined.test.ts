import rule from '../../../../rules/kubernetes/pod-security/seccomp-unconfined';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'RuntimeDefault, Localhost, null and unset (the restricted rule asks for a profile)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          containers:
            - {name: a, securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}}
            - {name: b, securityContext: {seccompProfile: null}}
            - {name: c}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: pod Unconfined, container with an empty profile, wrong case',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                seccompProfile:
                  type: Unconfined
              containers:
                - name: web
                  securityContext: {seccompProfile: {}}
                - name: side
                  securityContext: {seccompProfile: {type: runtimedefault}}
      `,
      errors: [
        {
          range: [8, 16, 8, 26],
          path: 'spec.template.spec.securityContext.seccompProfile.type',
          message:
            'The pod sets the seccomp profile type to "Unconfined", which disables or bypasses the syscall filter. Set seccompProfile.type to RuntimeDefault or Localhost.',
        },
        { range: [11, 28, 11, 42], message: /^The container "web" sets the seccomp profile type to ""/ },
        { range: [13, 51, 13, 65], message: /^The container "side" sets the seccomp profile type to "runtimedefault"/ },
      ],
    },
    {
      name: 'CronJob init container overriding a good pod profile, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext: {seccompProfile: {type: RuntimeDefault}}
                  containers: [{name: c}]
                  initContainers: [{name: init, securityContext: {seccompProfile: {type: Unconfined}}}]
      `,
      errors: [{ range: [10, 81, 10, 91], message: /^The init container "init" sets the seccomp profile type to "Unconfined"/ }],
    },
    {
      name: 'suggests RuntimeDefault in place (quotes and comment kept), dropping a localhostProfile the API would refuse',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext:
            seccompProfile: {type: Unconfined}
          containers:
            - name: web
              securityContext:
                seccompProfile:
                  type: 'Unconfined'  # strace
                  localhostProfile: profiles/audit.json
            - name: side
              securityContext:
                seccompProfile: {}
      `,
      errors: [
        {
          range: [5, 27, 5, 37],
          suggestions: [
            {
              title: "Set seccompProfile.type: RuntimeDefault in the pod's securityContext",
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: web
                      securityContext:
                        seccompProfile:
                          type: 'Unconfined'  # strace
                          localhostProfile: profiles/audit.json
                    - name: side
                      securityContext:
                        seccompProfile: {}
              `,
            },
          ],
        },
        {
          range: [10, 16, 10, 28],
          suggestions: [
            {
              title: 'Set seccompProfile.type: RuntimeDefault and remove its localhostProfile in the securityContext of the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    seccompProfile: {type: Unconfined}
                  containers:
                    - name: web
                      securityContext:
                        seccompProfile:
                          type: 'RuntimeDefault'  # strace
                    - name: side
                      securityContext:
                        seccompProfile: {}
              `,
            },
          ],
        },
        {
          range: [14, 8, 14, 22],
          suggestions: [
            {
              title: 'Set seccompProfile.type: RuntimeDefault in the securityContext of the container "side"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  securityContext:
                    seccompProfile: {type: Unconfined}
                  containers:
                    - name: web
                      securityContext:
                        seccompProfile:
                          type: 'Unconfined'  # strace
                          localhostProfile: profiles/audit.json
                    - name: side
                      securityContext:
                        seccompProfile: {type: RuntimeDefault}
              `,
            },
          ],
        },
      ],
    },
    {
      name: 'a profile that is not a map gets no suggestion',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {seccompProfile: Unconfined}\n  containers: [{name: a}]\n',
      errors: [{ range: [4, 36, 4, 46], suggestions: [] }],
    },
  ],
});
