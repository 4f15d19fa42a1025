import rule from '../../../../rules/kubernetes/pod-security/added-capabilities';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'default capabilities and drops',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: nginx:1.27
              securityContext:
                capabilities:
                  drop: [ALL, SYS_ADMIN]
                  add: [NET_BIND_SERVICE, CHOWN, SYS_CHROOT, AUDIT_WRITE]
      `,
    },
    { name: 'no capabilities', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: nginx:1.27}]}\n' },
  ],
  invalid: [
    {
      name: 'Deployment adding SYS_ADMIN and a lower-case default',
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
                    capabilities:
                      add:
                        - SYS_ADMIN
                        - CHOWN
                        - chown
      `,
      errors: [
        {
          range: [11, 18, 11, 27],
          path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
          message:
            'The container "web" adds the capability SYS_ADMIN, which the baseline Pod Security Standard forbids. Remove it from capabilities.add.',
        },
        { range: [13, 18, 13, 23], message: /capability chown,/ },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers, flow style, CAP_ prefix',
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
                  - {name: init, securityContext: {capabilities: {add: [NET_RAW]}}}
                  ephemeralContainers:
                  - {name: debug, securityContext: {capabilities: {add: [CAP_CHOWN]}}}
      `,
      errors: [
        { range: [9, 64, 9, 71], message: /^The init container "init" adds the capability NET_RAW/ },
        { range: [11, 65, 11, 74], message: /^The ephemeral container "debug" adds the capability CAP_CHOWN/ },
      ],
    },
    {
      // Harden removes both SYS_ADMIN items (with CHOWN), so its allowPrivilegeEscalation: false
      // is valid. Removing SYS_ADMIN alone would shift CHOWN's restricted finding: not offered.
      name: 'SYS_ADMIN twice beside CHOWN: the harden change, which removes every one',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: fuse
            securityContext:
              capabilities:
                add:
                - SYS_ADMIN
                - CHOWN
                - SYS_ADMIN
      `,
      errors: [
        {
          range: [9, 10, 9, 19],
          suggestions: [
            {
              title:
                'Harden the container "fuse" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove SYS_ADMIN and CHOWN from capabilities.add)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - name: fuse
                    securityContext:
                      capabilities:
                        drop:
                        - ALL
                      allowPrivilegeEscalation: false
                      runAsNonRoot: true
                      seccompProfile:
                        type: RuntimeDefault
              `,
            },
          ],
        },
        { range: [11, 10, 11, 19], path: 'spec.containers[0].securityContext.capabilities.add[2]' },
      ],
    },
    {
      name: 'Windows pod: no harden change (Linux controls), the removal takes the emptied capabilities key',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          os: {name: windows}
          containers:
          - name: a
            securityContext:
              windowsOptions: {runAsUserName: ContainerUser}
              capabilities:
                add: [SYS_ADMIN]
      `,
      errors: [
        {
          range: [10, 14, 10, 23],
          suggestions: [
            {
              title: 'Remove SYS_ADMIN from capabilities.add of the container "a"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  os: {name: windows}
                  containers:
                  - name: a
                    securityContext:
                      windowsOptions: {runAsUserName: ContainerUser}
              `,
            },
          ],
        },
      ],
    },
  ],
});
