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
    {
      name: 'suggests removing hostPort (block and flow), but not from a port that would be left without containerPort',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: web
              ports:
                - hostPort: 80   # legacy
                  containerPort: 8080
                - {containerPort: 9090, hostPort: 9090, protocol: TCP}
                - hostPort: 443
      `,
      errors: [
        {
          range: [7, 20, 7, 22],
          suggestions: [
            {
              title: 'Remove hostPort: 80 from the ports of the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      ports:
                        - containerPort: 8080
                        - {containerPort: 9090, hostPort: 9090, protocol: TCP}
                        - hostPort: 443
              `,
            },
          ],
        },
        {
          range: [9, 42, 9, 46],
          suggestions: [
            {
              title: 'Remove hostPort: 9090 from the ports of the container "web"',
              output: yaml`
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: web
                      ports:
                        - hostPort: 80   # legacy
                          containerPort: 8080
                        - {containerPort: 9090, protocol: TCP}
                        - hostPort: 443
              `,
            },
          ],
        },
        { range: [10, 20, 10, 23], suggestions: [] },
      ],
    },
  ],
});
