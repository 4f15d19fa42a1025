import rule from '../../../../rules/kubernetes/resources/requests-not-equal-limits';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'equal by value in different units; one side missing is left to the missing-* rules',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: a
              resources:
                requests: {cpu: "1", memory: 1Gi}
                limits: {cpu: 1000m, memory: 1024Mi}
            - name: b
              resources:
                requests: {cpu: 0.5}
                limits: {cpu: 500m, memory: 1Gi}
            - {name: c, resources: {requests: {cpu: "$(CPU)"}, limits: {cpu: "1"}}}
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: CPU and memory differ',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {cpu: 1, memory: 1G}
      `,
      errors: [
        {
          range: [9, 28, 9, 32],
          path: 'spec.template.spec.containers[0].resources.requests.cpu',
          message: 'The container "web" requests 100m cpu but is limited to 1. Set requests.cpu equal to limits.cpu.',
        },
        {
          range: [9, 42, 9, 47],
          message: 'The container "web" requests 128Mi memory but is limited to 1G. Set requests.memory equal to limits.memory.',
        },
      ],
    },
    {
      name: 'CronJob init container',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: job}]
                  initContainers:
                    - name: init
                      resources: {requests: {memory: 1Gi}, limits: {memory: 1.5Gi}}
      `,
      errors: [{ range: [11, 45, 11, 48], message: /^The init container "init" requests 1Gi memory but is limited to 1.5Gi/ }],
    },
  ],
});
