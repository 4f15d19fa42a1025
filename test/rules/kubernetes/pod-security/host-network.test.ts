import rule from '../../../../rules/kubernetes/pod-security/host-network';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'hostNetwork false or absent',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostNetwork: false
          containers: [{name: a, image: nginx:1.27}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec: {containers: [{name: a, image: nginx:1.27}]}
      `,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostNetwork: "true"\n' },
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
              hostNetwork: true
              containers: [{name: web, image: nginx:1.27}]
      `,
      errors: [
        {
          range: [6, 19, 6, 23],
          path: 'spec.template.spec.hostNetwork',
          message: /^The pod shares the node's network namespace \(hostNetwork: true\): .*\. Remove hostNetwork or set it to false\.$/,
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
                spec: {hostNetwork: yes, containers: [{name: c, image: busybox:1.36}]}
      `,
      errors: [{ range: [7, 28, 7, 31], path: 'spec.jobTemplate.spec.template.spec.hostNetwork' }],
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
          hostNetwork: true
          containers: [{name: a, image: nginx:1.27}]
      `,
      errors: [{ range: [9, 15, 9, 19], documentIndex: 1 }],
    },
    {
      name: 'suggests hostNetwork: false in place, keeping the comment',
      code: yaml`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              hostNetwork: true # node metrics
              containers: [{name: agent, image: agent:1.0}]
      `,
      errors: [
        {
          range: [6, 19, 6, 23],
          suggestions: [
            {
              title: 'Set hostNetwork: false in the pod spec',
              output: yaml`
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  template:
                    spec:
                      hostNetwork: false # node metrics
                      containers: [{name: agent, image: agent:1.0}]
              `,
            },
          ],
        },
      ],
    },
  ],
});
