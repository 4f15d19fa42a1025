import rule from '../../../../rules/kubernetes/pod-security/host-ports';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'containerPort only, and hostPort 0',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              image: nginx:1.27
              ports: [{containerPort: 80}, {containerPort: 443, hostPort: 0}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment container and init container',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              initContainers:
                - name: init
                  ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]
              containers:
                - name: web
                  ports:
                    - containerPort: 8080
                      hostPort: 80
      `,
      errors: [
        {
          range: [13, 24, 13, 26],
          path: 'spec.template.spec.containers[0].ports[0].hostPort',
          message: 'The container "web" binds port 80 on the node (hostPort). Remove hostPort and expose the port through a Service.',
        },
        { range: [8, 48, 8, 50], message: /^The init container "init" binds port 53 on the node/ },
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
                  containers: [{name: c}]
                  ephemeralContainers: [{name: debug, ports: [{containerPort: 22, hostPort: 2222}]}]
      `,
      errors: [{ range: [9, 84, 9, 88], message: /^The ephemeral container "debug" binds port 2222/ }],
    },
  ],
});
