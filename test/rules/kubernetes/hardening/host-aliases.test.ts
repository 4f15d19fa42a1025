import rule from '../../../../rules/kubernetes/hardening/host-aliases';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no hostAliases, empty list', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostAliases: []\n  containers: [{name: a}]\n' },
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
              hostAliases:
                - ip: 10.0.0.1
                  hostnames: [api.example.com]
              containers: [{name: web}]
      `,
      errors: [
        {
          range: [6, 6, 6, 17],
          path: 'spec.template.spec.hostAliases',
          message:
            "hostAliases writes fixed entries into the pod's /etc/hosts, bypassing DNS. Remove hostAliases and resolve the names through DNS (an ExternalName Service, for example).",
        },
      ],
    },
    {
      name: 'CronJob, flow style',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec: {hostAliases: [{ip: 127.0.0.1, hostnames: [db]}], containers: [{name: job}]}
      `,
      errors: [{ range: [7, 15, 7, 26], path: 'spec.jobTemplate.spec.template.spec.hostAliases' }],
    },
  ],
});
