import rule from '../../../../rules/kubernetes/pod-security/run-as-non-root';
import { ruleTester, yaml } from '../../../harness/rule-tester';

const userNamespacePod = yaml`
  apiVersion: v1
  kind: Pod
  metadata: {name: userns}
  spec:
    hostUsers: false
    containers: [{name: a}]
`;

ruleTester(rule, {
  valid: [
    {
      name: 'pod-level true covers containers that do not override it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          securityContext: {runAsNonRoot: true}
          initContainers: [{name: i}]
          containers: [{name: a, securityContext: {runAsNonRoot: true}}]
          ephemeralContainers: [{name: e}]
      `,
    },
    {
      name: 'every container sets it',
      code: yaml`
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: a, securityContext: {runAsNonRoot: true}}, {name: b, securityContext: {runAsNonRoot: yes}}]
      `,
    },
    { name: 'hostUsers: false from 1.35', code: userNamespacePod, kubernetesVersion: '1.35' },
  ],
  invalid: [
    {
      name: 'hostUsers: false before 1.35',
      code: userNamespacePod,
      kubernetesVersion: '1.34',
      errors: [
        {
          range: [5, 22, 5, 23],
          path: 'spec.containers[0].name',
          message:
            'The container "a" may run as root: neither it nor the pod sets runAsNonRoot. Set securityContext.runAsNonRoot: true on the pod or the container.',
        },
      ],
    },
    {
      name: 'Deployment: pod-level false is reported once, even with container overrides',
      code: yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              securityContext:
                runAsNonRoot: false
              containers:
                - name: web
                  securityContext: {runAsNonRoot: true}
                - name: side
      `,
      errors: [
        {
          range: [7, 22, 7, 27],
          path: 'spec.template.spec.securityContext.runAsNonRoot',
          message: 'The pod sets runAsNonRoot: false, so its containers may run as root. Set runAsNonRoot: true.',
        },
      ],
    },
    {
      name: 'CronJob: a container sets false, the init container sets nothing',
      code: yaml`
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: c}
        spec:
          jobTemplate:
            spec:
              template:
                spec:
                  containers: [{name: c, securityContext: {runAsNonRoot: true}}, {name: d, securityContext: {runAsNonRoot: false}}]
                  initContainers: [{name: init}]
      `,
      errors: [
        {
          range: [8, 115, 8, 120],
          message: 'The container "d" sets runAsNonRoot: false and may run as root. Set runAsNonRoot: true.',
        },
        { range: [9, 34, 9, 38], message: /^The init container "init" may run as root/ },
      ],
    },
  ],
});
