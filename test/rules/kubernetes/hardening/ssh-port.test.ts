import rule from '../../../../rules/kubernetes/hardening/ssh-port';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'other ports, UDP 22',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              ports: [{containerPort: 2222}, {containerPort: 22, protocol: UDP}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: protocol unset and explicit tcp',
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
                    - containerPort: 22
                - name: side
                  ports: [{containerPort: 22, protocol: tcp}]
      `,
      errors: [
        {
          range: [9, 29, 9, 31],
          path: 'spec.template.spec.containers[0].ports[0].containerPort',
          message: 'The container "web" exposes SSH on port 22. Remove the SSH server and use kubectl exec or kubectl debug instead.',
        },
        { range: [11, 34, 11, 36], message: /^The container "side" exposes SSH/ },
      ],
    },
    {
      name: 'CronJob init container, second document',
      code: yaml`
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        spec: {ports: [{port: 22}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job}]
                  initContainers: [{name: init, ports: [{containerPort: 22}]}]
      `,
      errors: [{ range: [14, 64, 14, 66], documentIndex: 1, message: /^The init container "init" exposes SSH/ }],
    },
  ],
});
