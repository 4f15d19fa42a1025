import rule from '../../../../rules/kubernetes/pod-security/host-ipc';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'hostIPC false or absent',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          hostIPC: false
          containers: [{name: a, image: nginx:1.27}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: q}
        spec: {containers: [{name: a, image: nginx:1.27}]}
      `,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  hostIPC: "true"\n' },
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
              hostIPC: true
              containers: [{name: web, image: nginx:1.27}]
      `,
      errors: [
        {
          range: [6, 15, 6, 19],
          path: 'spec.template.spec.hostIPC',
          message: /^The pod shares the node's IPC namespace \(hostIPC: true\): .*\. Remove hostIPC or set it to false\.$/,
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
                spec: {hostIPC: yes, containers: [{name: c, image: busybox:1.36}]}
      `,
      errors: [{ range: [7, 24, 7, 27], path: 'spec.jobTemplate.spec.template.spec.hostIPC' }],
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
          hostIPC: true
          containers: [{name: a, image: nginx:1.27}]
      `,
      errors: [{ range: [9, 11, 9, 15], documentIndex: 1 }],
    },
    {
      name: 'suggests hostIPC: false in a flow pod spec',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostIPC: yes, containers: [{name: a}]}\n',
      errors: [
        {
          range: [3, 16, 3, 19],
          suggestions: [
            {
              title: 'Set hostIPC: false in the pod spec',
              output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {hostIPC: false, containers: [{name: a}]}\n',
            },
          ],
        },
      ],
    },
  ],
});
