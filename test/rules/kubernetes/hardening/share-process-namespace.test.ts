import rule from '../../../../rules/kubernetes/hardening/share-process-namespace';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'false and unset', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  shareProcessNamespace: false\n  containers: [{name: a}]\n' },
    { name: 'not a pod spec field elsewhere', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {shareProcessNamespace: "true"}\n' },
  ],
  invalid: [
    {
      name: 'Deployment, YAML 1.1 boolean',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              shareProcessNamespace: yes
              containers: [{name: web}, {name: side}]
      `,
      errors: [
        {
          range: [6, 29, 6, 32],
          path: 'spec.template.spec.shareProcessNamespace',
          message: "The pod's containers share one process namespace, so each can read the others' environment and files. Set shareProcessNamespace: false.",
        },
      ],
    },
    {
      name: 'CronJob in flow style, through a merge key',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  <<: {shareProcessNamespace: true}
                  containers: [{name: job}]
      `,
      errors: [{ range: [8, 38, 8, 42], path: 'spec.jobTemplate.spec.template.spec.shareProcessNamespace' }],
    },
  ],
});
