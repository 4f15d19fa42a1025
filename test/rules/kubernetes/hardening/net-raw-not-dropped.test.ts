import rule from '../../../../rules/kubernetes/hardening/net-raw-not-dropped';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'ALL or NET_RAW dropped in any spelling; NET_RAW added is left to dangerous-capabilities',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, securityContext: {capabilities: {drop: [all]}}}
            - {name: b, securityContext: {capabilities: {drop: [CAP_NET_RAW]}}}
            - {name: c, securityContext: {capabilities: {add: [NET_RAW]}}}
      `,
    },
    {
      name: 'Windows pods are skipped',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers: [{name: a}]\n',
    },
  ],
  invalid: [
    {
      name: 'Deployment: no capabilities, and a drop list without NET_RAW',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                - name: side
                  securityContext:
                    capabilities:
                      drop: [SYS_ADMIN]
      `,
      errors: [
        {
          range: [7, 16, 7, 19],
          path: 'spec.template.spec.containers[0].name',
          message: 'The container "web" keeps the NET_RAW capability. Add NET_RAW (or ALL) to securityContext.capabilities.drop.',
        },
        { range: [11, 14, 11, 18], path: 'spec.template.spec.containers[1].securityContext.capabilities.drop', message: /container "side"/ },
      ],
    },
    {
      name: 'CronJob init container inheriting a drop list through an alias',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - {name: job, securityContext: {capabilities: {drop: [ALL]}}}
                  initContainers:
                    - name: init
                      securityContext:
                        capabilities: {drop: &drops [CHOWN]}
                    - name: init2
                      securityContext: {capabilities: {drop: *drops}}
      `,
      errors: [
        { range: [13, 31, 13, 35], message: /^The init container "init" keeps/ },
        { range: [15, 47, 15, 51], message: /^The init container "init2" keeps/ },
      ],
    },
  ],
});
