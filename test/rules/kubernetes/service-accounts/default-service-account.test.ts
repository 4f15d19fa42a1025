import rule from '../../../../rules/kubernetes/service-accounts/default-service-account';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'dedicated account (also through the deprecated field); default without a token',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec: {serviceAccountName: web, containers: [{name: a}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec: {serviceAccount: legacy, containers: [{name: a}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: c}
        spec: {automountServiceAccountToken: false, containers: [{name: a}]}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment naming default; CronJob naming nothing',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              serviceAccountName: default
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
                  containers: [{name: job}]
      `,
      errors: [
        {
          range: [6, 26, 6, 33],
          path: 'spec.template.spec.serviceAccountName',
          message:
            'The pod names the default service account, sharing its rights with every other such pod. Create a ServiceAccount for this workload and set serviceAccountName.',
        },
        {
          range: [16, 8, 16, 12],
          documentIndex: 1,
          message:
            'The pod names no service account, so it runs as default, sharing its rights with every other such pod. Create a ServiceAccount for this workload and set serviceAccountName.',
        },
      ],
    },
  ],
});
