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
  ],
});
