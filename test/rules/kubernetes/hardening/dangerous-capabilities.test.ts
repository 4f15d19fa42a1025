import rule from '../../../../rules/kubernetes/hardening/dangerous-capabilities';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'harmless additions and drops',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              securityContext:
                capabilities: {add: [NET_BIND_SERVICE, CHOWN], drop: [ALL, SYS_ADMIN]}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: several spellings (case, CAP_ prefix)',
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
                        - cap_net_admin
                        - " net_raw "
                        - NET_BIND_SERVICE
                        - all
      `,
      errors: [
        {
          range: [11, 18, 11, 27],
          path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
          message: 'The container "web" adds SYS_ADMIN, which allows mounting filesystems and most known container escapes. Remove it from capabilities.add.',
        },
        {
          range: [12, 18, 12, 31],
          message:
            'The container "web" adds NET_ADMIN, which lets it reconfigure interfaces, routes and firewall rules, and intercept traffic. Remove it from capabilities.add.',
        },
        { range: [13, 18, 13, 29], message: /adds NET_RAW, which lets it forge packets/ },
        { range: [15, 18, 15, 21], message: /adds ALL, which grants every capability/ },
      ],
    },
    {
      name: 'CronJob init and ephemeral containers, flow style, second document',
      code: yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  initContainers:
                    - {name: init, securityContext: {capabilities: {add: [SYS_MODULE]}}}
                  ephemeralContainers:
                    - {name: debug, securityContext: {capabilities: {add: [CAP_SYS_PTRACE, BPF]}}}
      `,
      errors: [
        { range: [13, 66, 13, 76], documentIndex: 1, message: /^The init container "init" adds SYS_MODULE, which lets it load kernel modules/ },
        { range: [15, 67, 15, 81], message: /^The ephemeral container "debug" adds SYS_PTRACE/ },
        { range: [15, 83, 15, 86], message: /^The ephemeral container "debug" adds BPF/ },
      ],
    },
  ],
});
