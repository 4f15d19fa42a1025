import rule from '../../../../rules/kubernetes/service-accounts/automount-service-account-token';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'false', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  automountServiceAccountToken: false\n  containers: [{name: a}]\n' },
    { name: 'YAML 1.1 "no"', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {automountServiceAccountToken: no, containers: [{name: a}]}\n' },
  ],
  invalid: [
    {
      name: 'Deployment without the field; CronJob with true',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers: [{name: web}]
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  automountServiceAccountToken: true
                  containers: [{name: job}]
      `,
      errors: [
        {
          range: [5, 4, 5, 8],
          path: 'spec.template.spec',
          message:
            'Every container gets a Kubernetes API token because the pod does not set automountServiceAccountToken. Set automountServiceAccountToken: false in the pod spec unless the application calls the API.',
        },
        {
          range: [16, 40, 16, 44],
          documentIndex: 1,
          path: 'spec.jobTemplate.spec.template.spec.automountServiceAccountToken',
          message:
            'Every container gets a Kubernetes API token because automountServiceAccountToken is not false. Set automountServiceAccountToken: false in the pod spec unless the application calls the API.',
        },
      ],
    },
    {
      name: 'suggests false in place (comment kept) or as a new key of the pod spec, in any document',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              automountServiceAccountToken: true   # set by the old chart
              containers: [{name: web}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
      `,
      errors: [
        {
          range: [6, 36, 6, 40],
          suggestions: [
            {
              title: 'Set automountServiceAccountToken: false in the pod spec',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      automountServiceAccountToken: false   # set by the old chart
                      containers: [{name: web}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: a
              `,
            },
          ],
        },
        {
          range: [12, 0, 12, 4],
          documentIndex: 1,
          suggestions: [
            {
              title: 'Set automountServiceAccountToken: false in the pod spec',
              output: yaml`
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      automountServiceAccountToken: true   # set by the old chart
                      containers: [{name: web}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: a
                  automountServiceAccountToken: false
              `,
            },
          ],
        },
      ],
    },
  ],
});
