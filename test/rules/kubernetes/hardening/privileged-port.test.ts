import rule from '../../../../rules/kubernetes/hardening/privileged-port';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'high ports, a hostPort alone',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              ports: [{containerPort: 8080}, {containerPort: 1024, hostPort: 80}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment and init container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  ports:
                    - containerPort: 80
                    - containerPort: 8443
              initContainers:
                - {name: init, ports: [{containerPort: 443, protocol: TCP}]}
      `,
      errors: [
        {
          range: [9, 29, 9, 31],
          path: 'spec.template.spec.containers[0].ports[0].containerPort',
          message:
            'The container "web" listens on port 80, which needs root or NET_BIND_SERVICE. Listen on a port of 1024 or higher and map it in the Service (targetPort).',
        },
        { range: [12, 47, 12, 50], message: /^The init container "init" listens on port 443/ },
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
                  containers: [{name: job}]
                  ephemeralContainers:
                    - name: debug
                      ports: [{containerPort: 53, protocol: UDP}]
      `,
      errors: [{ range: [11, 38, 11, 40], message: /^The ephemeral container "debug" listens on port 53/ }],
    },
  ],
});
