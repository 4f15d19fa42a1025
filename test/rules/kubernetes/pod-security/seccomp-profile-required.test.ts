import rule from '../../../../rules/kubernetes/pod-security/seccomp-profile-required';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'pod-level profile covers every container',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {seccompProfile: {type: RuntimeDefault}}
          initContainers: [{name: i}]
          containers: [{name: a}]
          ephemeralContainers: [{name: e}]
      `,
    },
    {
      name: 'every container sets its own; a wrong pod-level value is the baseline rule\'s',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec:
          securityContext: {seccompProfile: {type: Unconfined}}
          containers: [{name: a}]
      `,
    },
    {
      name: 'Windows pod is exempt',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: a}]\n',
    },
  ],
  invalid: [
    {
      name: 'Deployment: one container without a profile, null pod profile',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext: {seccompProfile: null}
              containers:
                - name: web
                  image: nginx:1.27
                - name: side
                  securityContext: {seccompProfile: {type: RuntimeDefault}}
      `,
      errors: [
        {
          range: [8, 16, 8, 19],
          path: 'spec.template.spec.containers[0].name',
          message:
            'The container "web" runs without a seccomp profile. Set securityContext.seccompProfile.type: RuntimeDefault on the pod or the container.',
        },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers; os: linux is not exempt',
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
                  containers: [{name: c, securityContext: {seccompProfile: {type: RuntimeDefault}}}]
                  initContainers: [{name: init}]
                  ephemeralContainers: [{name: debug}]
      `,
      errors: [
        { range: [10, 34, 10, 38], message: /^The init container "init" runs without a seccomp profile/ },
        { range: [11, 39, 11, 44], message: /^The ephemeral container "debug" runs without/ },
      ],
    },
    {
      name: 'suggests the profile on the pod (flow map), then hardening the container',
      code: yaml`
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          template:
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
                - name: db
                  securityContext:
                    allowPrivilegeEscalation: false
                    capabilities: {drop: [ALL]}
      `,
      errors: [
        {
          range: [8, 16, 8, 18],
          suggestions: [
            {
              title: "Set seccompProfile.type: RuntimeDefault in the pod's securityContext",
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  template:
                    spec:
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: db
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities: {drop: [ALL]}
              `,
            },
            {
              title: 'Harden the container "db" to the restricted Pod Security Standard (seccompProfile.type: RuntimeDefault)',
              output: yaml`
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  template:
                    spec:
                      securityContext: {runAsNonRoot: true}
                      containers:
                        - name: db
                          securityContext:
                            allowPrivilegeEscalation: false
                            capabilities: {drop: [ALL]}
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
