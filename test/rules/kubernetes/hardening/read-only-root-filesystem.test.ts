import rule from '../../../../rules/kubernetes/hardening/read-only-root-filesystem';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'every container read-only, flow style',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, image: nginx:1.27, securityContext: {readOnlyRootFilesystem: true}}
          initContainers:
            - name: b
              securityContext:
                readOnlyRootFilesystem: yes
      `,
    },
    {
      name: 'Windows pods are skipped',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: w}
        spec:
          os: {name: windows}
          containers: [{name: a}]
      `,
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' },
  ],
  invalid: [
    {
      name: 'Deployment: unset and explicit false',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                - name: side
                  securityContext:
                    readOnlyRootFilesystem: false
      `,
      errors: [
        {
          range: [7, 16, 7, 19],
          path: 'spec.template.spec.containers[0].name',
          message:
            'The container "web" can write to its root filesystem. Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where it must write.',
        },
        { range: [11, 36, 11, 41], path: 'spec.template.spec.containers[1].securityContext.readOnlyRootFilesystem', message: /container "side"/ },
      ],
    },
    {
      name: 'CronJob ephemeral container, merged through an alias, second document',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: ok}
        spec: {containers: [{name: a, securityContext: {readOnlyRootFilesystem: true}}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: job
                      securityContext: &sc {readOnlyRootFilesystem: true}
                  ephemeralContainers:
                    - name: debug
                      securityContext:
                        <<: *sc
                        readOnlyRootFilesystem: false
      `,
      errors: [{ range: [20, 40, 20, 45], documentIndex: 1, message: /ephemeral container "debug"/ }],
    },
    {
      name: 'suggests readOnlyRootFilesystem: true in an indentless file without a final newline',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    securityContext:\n      readOnlyRootFilesystem: false\n  - name: side',
      errors: [
        {
          range: [7, 30, 7, 35],
          suggestions: [
            {
              title: 'Set readOnlyRootFilesystem: true in the securityContext of the container "web"',
              output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    securityContext:\n      readOnlyRootFilesystem: true\n  - name: side',
            },
          ],
        },
        {
          range: [8, 10, 8, 14],
          suggestions: [
            {
              title: 'Set readOnlyRootFilesystem: true in the securityContext of the container "side"',
              output:
                'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n    securityContext:\n      readOnlyRootFilesystem: false\n  - name: side\n    securityContext:\n      readOnlyRootFilesystem: true',
            },
          ],
        },
      ],
    },
  ],
});
