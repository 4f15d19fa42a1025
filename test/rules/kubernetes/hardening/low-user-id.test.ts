import rule from '../../../../rules/kubernetes/hardening/low-user-id';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'pod-level high UID inherited, container overrides with a high UID',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsUser: 10001}
          containers:
            - name: a
            - name: b
              securityContext: {runAsUser: 65534}
      `,
    },
    {
      name: 'UID 0 is left to the PSS rule; user namespaces and Windows are exempt',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, securityContext: {runAsUser: 0}}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: userns}
        spec:
          hostUsers: false
          containers: [{name: a}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: win}
        spec:
          os: {name: windows}
          containers: [{name: a}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: pod-level low UID reported once for the containers inheriting it',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsUser: 1000
              containers:
                - name: web
                - name: side
                - name: own
                  securityContext: {runAsUser: 999}
      `,
      errors: [
        {
          range: [7, 19, 7, 23],
          path: 'spec.template.spec.securityContext.runAsUser',
          message:
            'The pod-level runAsUser 1000, used by the containers "web" and "side", is below 10000 and may match a UID on the node. Set securityContext.runAsUser to 10000 or higher.',
        },
        {
          range: [12, 39, 12, 42],
          message: 'The container "own" runs with UID 999, which is below 10000 and may match a UID on the node. Set securityContext.runAsUser to 10000 or higher.',
        },
      ],
    },
    {
      name: 'CronJob: unset UID on init and ephemeral containers',
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
                    - {name: job, securityContext: {runAsUser: 20000}}
                  initContainers:
                    - name: init
                  ephemeralContainers:
                    - name: debug
      `,
      errors: [
        {
          range: [11, 20, 11, 24],
          message:
            'The init container "init" does not set runAsUser, so it runs with the image\'s UID, which may match one on the node. Set securityContext.runAsUser to 10000 or higher.',
        },
        { range: [13, 20, 13, 25], message: /^The ephemeral container "debug" does not set runAsUser/ },
      ],
    },
  ],
});
