import rule from '../../../../rules/kubernetes/hardening/low-group-id';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'high GID at pod level; GID 0 is left to root-group',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsGroup: 10001}
          containers:
            - name: a
            - name: b
              securityContext: {runAsGroup: 0}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: low and unset GIDs, flow style, alias',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - {name: web, securityContext: &low {runAsGroup: 3000}}
                - {name: copy, securityContext: *low}
                - name: none
      `,
      errors: [
        {
          range: [7, 57, 7, 61],
          message: 'The container "web" runs with GID 3000, which is below 10000 and may match a GID on the node. Set securityContext.runAsGroup to 10000 or higher.',
        },
        { range: [7, 57, 7, 61], message: /^The container "copy" runs with GID 3000/ },
        {
          range: [9, 16, 9, 20],
          message:
            'The container "none" does not set runAsGroup, so it runs with the image\'s GID, which may match one on the node. Set securityContext.runAsGroup to 10000 or higher.',
        },
      ],
    },
  ],
});
