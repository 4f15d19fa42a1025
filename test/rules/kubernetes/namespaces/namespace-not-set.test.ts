import rule from '../../../../rules/kubernetes/namespaces/namespace-not-set';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'namespace set; cluster-scoped and unknown kinds',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
      `,
    },
  ],
  invalid: [
    {
      name: 'CronJob and Secret without a namespace',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: s
          labels: {app: web}
      `,
      errors: [
        {
          range: [1, 6, 1, 13],
          path: 'kind',
          message: 'The CronJob "c" sets no namespace, so it goes wherever kubectl points, often default. Set metadata.namespace.',
        },
        { range: [5, 6, 5, 12], documentIndex: 1, message: /^The Secret "s" sets no namespace/ },
      ],
    },
  ],
});
