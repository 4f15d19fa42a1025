import rule from '../../../../rules/kubernetes/resources/missing-ephemeral-storage';
import { ruleTester, yaml } from '../../../harness/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'both set on the container, or at pod level',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          resources: {limits: {ephemeral-storage: 2Gi}}
          containers:
            - name: a
              resources:
                requests: {ephemeral-storage: 100Mi}
                limits: {ephemeral-storage: 1Gi}
            - {name: b, resources: {requests: {ephemeral-storage: 50Mi}}}
          ephemeralContainers: [{name: debug}]
      `,
    },
  ],
  invalid: [
    {
      name: 'Deployment: both missing, limit missing, request missing',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                - name: req
                  resources:
                    requests: {ephemeral-storage: 100Mi}
                - name: lim
                  resources:
                    limits: {"ephemeral-storage": 1Gi}
      `,
      errors: [
        {
          range: [7, 16, 7, 19],
          message:
            'The container "web" sets no ephemeral-storage request or limit, so its disk usage is not accounted for. Add resources.requests.ephemeral-storage and resources.limits.ephemeral-storage.',
        },
        {
          range: [9, 10, 9, 19],
          path: 'spec.template.spec.containers[1].resources',
          message: 'The container "req" sets no ephemeral-storage limit, so its disk usage is not accounted for. Add resources.limits.ephemeral-storage.',
        },
        { range: [12, 10, 12, 19], path: 'spec.template.spec.containers[2].resources', message: /"lim" sets no ephemeral-storage request,/ },
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
                  containers: [{name: job, resources: {requests: {ephemeral-storage: 1Gi}, limits: {ephemeral-storage: 1Gi}}}]
                  initContainers: [{name: init, resources: {requests: {cpu: 1}}}]
      `,
      errors: [{ range: [9, 52, 9, 60], message: /^The init container "init" sets no ephemeral-storage request or limit/ }],
    },
  ],
});
