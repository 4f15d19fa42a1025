import rule from '../../../../rules/kubernetes/pod-security/host-pid';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'hostPID false or absent',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostPID: false
          containers: [{name: a, image: nginx:1.27}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec: {containers: [{name: a, image: nginx:1.27}]}
      `,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostPID: "true"\n' },
  ],
  invalid: [
    {
      name: 'Deployment',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              hostPID: true
              containers: [{name: web, image: nginx:1.27}]
      `,
      errors: [
        {
          range: [6, 15, 6, 19],
          path: 'spec.template.spec.hostPID',
          message: /^The pod shares the node's process ID namespace \(hostPID: true\): .*\. Remove hostPID or set it to false\.$/,
        },
      ],
    },
    {
      name: 'CronJob, flow style, YAML 1.1 boolean',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec: {hostPID: yes, containers: [{name: c, image: busybox:1.36}]}
      `,
      errors: [{ range: [7, 24, 7, 27], path: 'spec.jobTemplate.spec.template.spec.hostPID' }],
    },
    {
      name: 'second document',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: ok}
        spec: {containers: [{name: a, image: nginx:1.27}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: bad}
        spec:
          hostPID: true
          containers: [{name: a, image: nginx:1.27}]
      `,
      errors: [{ range: [9, 11, 9, 15], documentIndex: 1 }],
    },
    {
      name: 'suggests hostPID: false in place, keeping the comment',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              hostPID: true # process tree
              containers: [{name: agent, image: agent:1.0}]
      `,
      errors: [
        {
          range: [6, 15, 6, 19],
          suggestions: [
            {
              title: 'Set hostPID: false in the pod spec',
              output: yaml`
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  template:
                    spec:
                      hostPID: false # process tree
                      containers: [{name: agent, image: agent:1.0}]
              `,
            },
          ],
        },
      ],
    },
  ],
});
