import rule from '../../../../rules/kubernetes/hardening/missing-security-context';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'pod and containers have settings',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsNonRoot: true}
          containers:
            - name: a
              securityContext: {allowPrivilegeEscalation: false}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment without any securityContext',
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
      `,
      errors: [
        {
          range: [5, 4, 5, 8],
          path: 'spec.template.spec',
          message:
            'The pod has no securityContext, so it runs with the runtime defaults. Add spec.securityContext with at least runAsNonRoot: true and seccompProfile: {type: RuntimeDefault}.',
        },
        {
          range: [7, 16, 7, 19],
          message:
            'The container "web" has no securityContext. Add one with at least allowPrivilegeEscalation: false, readOnlyRootFilesystem: true and capabilities: {drop: [ALL]}.',
        },
      ],
    },
    {
      name: 'CronJob: empty maps, null, init container in flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  securityContext: {}
                  initContainers:
                    - {name: init, securityContext: {runAsUser: 10001}}
                  containers:
                    - name: job
                      securityContext:
      `,
      errors: [
        { range: [8, 10, 8, 25], path: 'spec.jobTemplate.spec.template.spec.securityContext', message: /^The pod has no securityContext/ },
        { range: [13, 14, 13, 29], message: /^The container "job" has no securityContext/ },
      ],
    },
    {
      name: 'suggests the pod block and the container block, keeping the comment after an empty securityContext',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext: {}
              containers:
                - name: web
                  securityContext:   # TODO
      `,
      errors: [
        {
          range: [6, 6, 6, 21],
          suggestions: [
            {
              title: "Set runAsNonRoot: true, seccompProfile.type: RuntimeDefault in the pod's securityContext",
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      securityContext:
                        runAsNonRoot: true
                        seccompProfile:
                          type: RuntimeDefault
                      containers:
                        - name: web
                          securityContext:   # TODO
              `,
            },
          ],
        },
        {
          range: [9, 10, 9, 25],
          suggestions: [
            {
              title:
                'Set allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault in the securityContext of the container "web"',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      securityContext: {}
                      containers:
                        - name: web
                          securityContext:   # TODO
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
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
      name: 'the container block keeps the pod-level Localhost profile; Windows pods get no suggestion',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          securityContext:
            seccompProfile: {type: Localhost, localhostProfile: p.json}
          containers: [{name: a}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          os: {name: windows}
          containers: [{name: win}]
      `,
      errors: [
        {
          range: [6, 22, 6, 23],
          suggestions: [
            {
              title:
                'Set allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities.drop: [ALL], runAsNonRoot: true in the securityContext of the container "a"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: q}
                spec:
                  securityContext:
                    seccompProfile: {type: Localhost, localhostProfile: p.json}
                  containers: [{name: a, securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}, runAsNonRoot: true}}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: w}
                spec:
                  os: {name: windows}
                  containers: [{name: win}]
              `,
            },
          ],
        },
        { range: [11, 0, 11, 4], suggestions: [] },
        { range: [13, 22, 13, 25], suggestions: [] },
      ],
    },
  ],
});
