import rule from '../../../../rules/kubernetes/pod-security/added-capabilities-restricted';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'NET_BIND_SERVICE only; non-default capabilities are the baseline rule\'s',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: nginx:1.27
              securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, SYS_ADMIN, net_bind_service]}}
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
          containers: [{name: a, image: win:1, securityContext: {capabilities: {add: [CHOWN]}}}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment and init container add default capabilities',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  securityContext: {capabilities: {add: [CHOWN, NET_BIND_SERVICE]}}
              containers:
                - name: web
                  securityContext:
                    capabilities:
                      add: [SETUID]
      `,
      errors: [
        // Containers are visited before init containers, as object.ts lists them.
        { range: [13, 20, 13, 26], message: /container "web" adds the capability SETUID;/ },
        {
          range: [8, 49, 8, 54],
          path: 'spec.template.spec.initContainers[0].securityContext.capabilities.add[0]',
          message:
            'The init container "init" adds the capability CHOWN; the restricted Pod Security Standard allows only NET_BIND_SERVICE. Remove it from capabilities.add.',
        },
      ],
    },
    {
      name: 'Linux pod (os: linux) is not exempt',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: l}
        spec:
          os: {name: linux}
          containers: [{name: a, securityContext: {capabilities: {add: [KILL]}}}]
      `,
      errors: [{ range: [5, 64, 5, 68] }],
    },
    {
      name: 'suggests removing the capability, then the restricted block that removes it too',
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
                    runAsNonRoot: true
                    capabilities:
                      drop: ["ALL"]
                      add:
                        - NET_BIND_SERVICE
                        - CHOWN  # log dir
      `,
      errors: [
        {
          range: [14, 18, 14, 23],
          suggestions: [
            {
              title: 'Remove CHOWN from capabilities.add of the container "web"',
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
                            runAsNonRoot: true
                            capabilities:
                              drop: ["ALL"]
                              add:
                                - NET_BIND_SERVICE
              `,
            },
            {
              title:
                'Harden the container "web" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, seccompProfile.type: RuntimeDefault, remove CHOWN from capabilities.add)',
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
                            runAsNonRoot: true
                            capabilities:
                              drop: ["ALL"]
                              add:
                                - NET_BIND_SERVICE
                            allowPrivilegeEscalation: false
                            seccompProfile:
                              type: RuntimeDefault
              `,
            },
          ],
        },
      ],
    },
    {
      // Removing SETUID alone would shift KILL's finding from add[1] to add[0]; the last item and
      // the harden change (which leaves no reported item) move nothing. An emptied flow list
      // takes the keys it leaves empty with it.
      name: 'flow containers: removal offered where it moves no other finding',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - {name: a, image: x, securityContext: {capabilities: {add: [SETUID, KILL]}}}
          - {name: b, securityContext: {capabilities: {add: [SETUID]}}}
      `,
      errors: [
        {
          range: [5, 63, 5, 69],
          suggestions: [
            {
              title:
                'Harden the container "a" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove SETUID and KILL from capabilities.add)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: x, securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}}
                  - {name: b, securityContext: {capabilities: {add: [SETUID]}}}
              `,
            },
          ],
        },
        {
          range: [5, 71, 5, 75],
          suggestions: [
            {
              title: 'Remove KILL from capabilities.add of the container "a"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: x, securityContext: {capabilities: {add: [SETUID]}}}
                  - {name: b, securityContext: {capabilities: {add: [SETUID]}}}
              `,
            },
            {
              title:
                'Harden the container "a" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove SETUID and KILL from capabilities.add)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: x, securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}}
                  - {name: b, securityContext: {capabilities: {add: [SETUID]}}}
              `,
            },
          ],
        },
        {
          range: [6, 53, 6, 59],
          suggestions: [
            {
              title: 'Remove SETUID from capabilities.add of the container "b"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: x, securityContext: {capabilities: {add: [SETUID, KILL]}}}
                  - {name: b}
              `,
            },
            {
              title:
                'Harden the container "b" to the restricted Pod Security Standard (allowPrivilegeEscalation: false, capabilities.drop: [ALL], runAsNonRoot: true, seccompProfile.type: RuntimeDefault, remove SETUID from capabilities.add)',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                  - {name: a, image: x, securityContext: {capabilities: {add: [SETUID, KILL]}}}
                  - {name: b, securityContext: {capabilities: {drop: [ALL]}, allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}}
              `,
            },
          ],
        },
      ],
    },
  ],
});
