import rule from '../../../../rules/kubernetes/service-accounts/deprecated-service-account-field';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'serviceAccountName only', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {serviceAccountName: web, containers: [{name: a}]}\n' },
  ],
  invalid: [
    {
      name: 'alone, duplicate, contradicting (Pod, Deployment, CronJob)',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          serviceAccount: web
          containers: [{name: a}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec: {serviceAccount: web, serviceAccountName: web, containers: [{name: a}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  serviceAccountName: jobs
                  serviceAccount: legacy
                  containers: [{name: job}]
      `,
      errors: [
        {
          range: [4, 18, 4, 21],
          path: 'spec.serviceAccount',
          message: 'The pod uses the deprecated serviceAccount field ("web"). Rename serviceAccount to serviceAccountName.',
        },
        {
          range: [12, 27, 12, 30],
          documentIndex: 1,
          message: 'The pod uses the deprecated serviceAccount field ("web"). Delete it: serviceAccountName already says the same.',
        },
        {
          range: [23, 26, 23, 32],
          documentIndex: 2,
          message: 'The pod uses the deprecated serviceAccount field ("legacy"). Delete it: it contradicts serviceAccountName "jobs".',
        },
      ],
    },
  ],
});
